"""Upgrade test, step 1: run in ``odoo shell`` of a RELEASED version of the addon.

Builds stock in a Norwegian and a Swedish company (and a Danish and a Finnish one
when the release has them) through Odoo's own flows: purchase orders received and
billed, a landed cost on a receipt, a sale delivered, a return to the vendor. Posts
each company's closing at 2025-06-30 through the release's own ``prepare()`` and
reverses it, then posts the closing at 2025-12-31, and writes what an auditor has
of each closing to the JSON file $NSC_UPGRADE_STATE (tools/upgrade/evidence.py)
and commits.

Only Odoo's and the addon's public behaviour is used: the script must run against
every released version listed in migrations/releases.csv.
"""

# ruff: noqa: F821 - ``env`` is the shell's
import json
import os
import sys

from freezegun import freeze_time

from odoo import Command, fields

sys.path.insert(0, os.environ["NSC_UPGRADE_TOOLS"])
from evidence import closing_evidence  # noqa: E402

COMPANIES = (
    # (name, country, chart, module, inventory account, counter-account of
    # landed costs and receipts)
    ("Upgrade Norge AS", "no", "no", "l10n_no", "2400"),
    ("Upgrade Sverige AB", "se", "se", "l10n_se", "2440"),
    ("Upgrade Danmark ApS", "dk", "dk", "l10n_dk", None),
    ("Upgrade Suomi Oy", "fi", "fi", "l10n_fi", None),
)
DATE = "2025-12-31"


def installed(module):
    return env["ir.module.module"]._get(module).state == "installed"


def frameworks():
    field = env["res.company"]._fields["nordic_closing_framework"]
    return [key for key, _label in field._description_selection(env)]


def validate(picking):
    picking.action_assign()
    for move in picking.move_ids:
        move.quantity = move.product_uom_qty
    picking.move_ids.picked = True
    picking.button_validate()
    assert picking.state == "done", picking.name


def order(model, company, partner, product, quantity, price, when):
    with freeze_time(when):
        warehouse = env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )
        line = {"product_id": product.id, "price_unit": price}
        if model == "purchase.order":
            line.update(product_qty=quantity, taxes_id=[Command.clear()])
            header = {"picking_type_id": warehouse.in_type_id.id}
        else:
            line.update(product_uom_qty=quantity, tax_id=[Command.clear()])
            header = {"warehouse_id": warehouse.id}
        record = (
            env[model]
            .with_company(company)
            .create(
                {
                    **header,
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "order_line": [Command.create(line)],
                }
            )
        )
        if model == "purchase.order":
            record.button_confirm()
        else:
            record.action_confirm()
        validate(record.picking_ids)
    return record


def bill(purchase, when):
    with freeze_time(when):
        purchase.action_create_invoice()
        invoice = purchase.invoice_ids
        invoice.invoice_date = invoice.date = fields.Date.to_date(when[:10])
        invoice.invoice_line_ids.write({"tax_ids": False})
        invoice.action_post()


def landed_cost(company, picking, amount, when):
    freight = env["product.product"].create(
        {
            "name": "Freight",
            "type": "service",
            "landed_cost_ok": True,
            "company_id": company.id,
        }
    )
    journal = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "=", "general")], limit=1
    )
    account = journal.default_account_id or env["account.account"].search(
        [("company_ids", "in", company.id), ("account_type", "=", "liability_current")],
        limit=1,
    )
    with freeze_time(when):
        cost = (
            env["stock.landed.cost"]
            .with_company(company)
            .create(
                {
                    "company_id": company.id,
                    "date": fields.Date.to_date(when[:10]),
                    "picking_ids": [Command.set(picking.ids)],
                    "account_journal_id": journal.id,
                    "cost_lines": [
                        Command.create(
                            {
                                "name": "Freight",
                                "product_id": freight.id,
                                "price_unit": amount,
                                "split_method": "by_quantity",
                                "account_id": account.id,
                            }
                        )
                    ],
                }
            )
        )
        cost.compute_landed_cost()
        cost.button_validate()


def vendor_return(picking, product, quantity, when):
    with freeze_time(when):
        wizard = (
            env["stock.return.picking"]
            .with_company(picking.company_id)
            .with_context(active_id=picking.id, active_model="stock.picking")
            .create({})
        )
        wizard.product_return_moves.filtered(
            lambda line: line.product_id == product
        ).quantity = quantity
        action = wizard.action_create_returns()
        validate(env["stock.picking"].browse(action["res_id"]))


def build_company(name, country_code, chart):
    country = env.ref(f"base.{country_code}")
    company = env["res.company"].create(
        {"name": name, "country_id": country.id, "currency_id": country.currency_id.id}
    )
    env.user.company_ids |= company
    # (Odoo creates a company's warehouse itself only in its test mode)
    env["stock.warehouse"].create(
        {"company_id": company.id, "name": name, "code": country_code.upper()}
    )
    env["account.chart.template"].try_loading(
        chart, company=company, install_demo=False
    )
    assert company.nordic_closing_framework, f"{name}: no framework after the chart"
    vendor = env["res.partner"].create({"name": f"{name} vendor"})
    customer = env["res.partner"].create({"name": f"{name} customer"})
    Category = env["product.category"].with_company(company)
    fifo = Category.create(
        {
            "name": f"{name} goods FIFO",
            "property_cost_method": "fifo",
            "property_valuation": "manual_periodic",
            "nordic_inventory_class": "goods_for_resale",
        }
    )
    average = Category.create(
        {
            "name": f"{name} raw average",
            "property_cost_method": "average",
            "property_valuation": "manual_periodic",
            "nordic_inventory_class": "raw_material",
        }
    )

    def product(code, category, list_price):
        return env["product.product"].create(
            {
                "name": f"Product {code}",
                "default_code": f"{country_code.upper()}-{code}",
                "is_storable": True,
                "categ_id": category.id,
                "list_price": list_price,
                "company_id": company.id,
                "taxes_id": [Command.clear()],
                "supplier_taxes_id": [Command.clear()],
            }
        )

    # A: FIFO, 10 @ 100 and 10 @ 120, landed cost 50 on the first receipt, 12 sold,
    # sold at 90 a piece: written down to its NRV
    a = product("A", fifo, 90.0)
    first = order("purchase.order", company, vendor, a, 10, 100.0, "2025-02-03 10:00")
    bill(first, "2025-02-05 10:00")
    landed_cost(company, first.picking_ids, 50.0, "2025-02-10 10:00")
    second = order("purchase.order", company, vendor, a, 10, 120.0, "2025-04-01 10:00")
    bill(second, "2025-04-03 10:00")
    order("sale.order", company, customer, a, 12, 150.0, "2025-06-02 10:00")
    # B: average, 20 @ 40 and 10 @ 46, 3 returned to the vendor, 5 used
    b = product("B", average, 0.0)
    order("purchase.order", company, vendor, b, 20, 40.0, "2025-03-03 10:00")
    late = order("purchase.order", company, vendor, b, 10, 46.0, "2025-05-05 10:00")
    vendor_return(late.picking_ids, b, 3, "2025-05-20 10:00")
    order("sale.order", company, customer, b, 5, 60.0, "2025-09-01 10:00")
    return company


def main():
    out = os.environ["NSC_UPGRADE_STATE"]
    available = frameworks()
    state = {"closings": []}
    Closing = env["nordic.stock.closing"]
    for name, country_code, chart, module, _account in COMPANIES:
        if not installed(module) or not any(
            key.startswith(f"{country_code.upper()}_") for key in available
        ):
            continue  # the release does not close this country
        company = build_company(name, country_code, chart)
        with freeze_time("2026-01-15 09:00"):
            reversed_ = Closing.prepare(company.id, "2025-06-30", post=True)
            reversed_.action_reverse()
            posted = Closing.prepare(company.id, DATE, post=True)
        assert posted.state == "posted", (name, posted.state, posted.error_message)
        assert reversed_.state == "reversed", (name, reversed_.state)
        assert posted.move_id, f"{name}: nothing booked"
        for closing in (posted, reversed_):
            state["closings"].append(closing_evidence(env, closing))
    assert len(state["closings"]) >= 4, "no Norwegian or Swedish closing posted"
    env.cr.commit()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(state, handle, indent=1, sort_keys=True, default=str)
    print(f"NSC-UPGRADE-BEFORE-OK {len(state['closings'])} closings")


main()
