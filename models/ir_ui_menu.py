from odoo import api, models

#: the menus that lead to the closings, the wizard and the closing accounts: the
#: accounting one first, then the one under Inventory
CLOSINGS_MENUS = (
    "l10n_nordic_stock_closing.nordic_stock_closing_menu",
    "l10n_nordic_stock_closing.nordic_stock_closing_stock_menu",
)
WIZARD_MENUS = (
    "l10n_nordic_stock_closing.nordic_stock_closing_wizard_menu",
    "l10n_nordic_stock_closing.nordic_stock_closing_wizard_stock_menu",
)
CLASS_ACCOUNT_MENUS = ("l10n_nordic_stock_closing.menu_nordic_stock_class_account",)


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    @api.model
    def _nordic_menu_path(self, *xmlids):
        """The path of the first of these menus the user sees, as the user reads it
        ("Invoicing > Inventory closing > Inventory closings" in the user's
        language); the first menu's when the user sees none of them (a scheduled
        action, the API)."""
        menus = self.browse()
        for xmlid in xmlids:
            menus |= self.env.ref(xmlid, raise_if_not_found=False) or self.browse()
        if not menus:
            return ""
        # not as superuser: Odoo caches the visible menus by the user's groups only
        visible = self.sudo(False)._visible_menu_ids()

        def reached(menu):
            # Odoo counts a menu visible by its own groups: its app must be too
            return all(m.id in visible for m in menu._nordic_with_parents())

        menu = next((m for m in menus if reached(m)), menus[:1])
        menus = menu.sudo().with_context(lang=self.env.lang)._nordic_with_parents()
        return " > ".join(reversed(menus.mapped("name")))

    def _nordic_with_parents(self):
        """This menu and its parents up to the app, the menu first."""
        self.ensure_one()
        menus, menu = self, self.sudo().parent_id
        while menu:
            menus |= menu.with_env(self.env)
            menu = menu.parent_id
        return menus

    @api.model
    def _nordic_settings_path(self):
        """Where the company's closing settings are: Settings > the accounting
        app's page (named as its menu) > Nordic inventory closing."""
        return " > ".join(
            (
                self._nordic_menu_path("base.menu_administration"),
                self._nordic_menu_path("account.menu_finance"),
                self.env._("Nordic inventory closing"),
            )
        )
