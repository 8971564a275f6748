{
    "name": "Nordic Stock Closing (Norway, Sweden)",
    "summary": "Year-end inventory valuation and change-in-inventory entry "
    "for Norway (NS 4102) and Sweden (BAS)",
    "version": "18.0.1.0.0",
    "category": "Accounting/Localizations",
    "license": "LGPL-3",
    "author": "l10n_nordic_stock_closing contributors",
    "depends": ["stock_account"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/security.xml",
        "security/ir.model.access.csv",
        "security/nordic_stock_closing_security.xml",
        "data/nordic.stock.account.mapping.csv",
        "views/nordic_stock_account_mapping_views.xml",
        "views/nordic_stock_class_account_views.xml",
        "views/nordic_obsolescence_band_views.xml",
        "views/product_category_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
        "views/nordic_stock_closing_views.xml",
        "views/account_move_views.xml",
        "wizards/nordic_stock_closing_wizard_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "l10n_nordic_stock_closing/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
    "application": False,
}
