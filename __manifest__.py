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
    "data": [],
    "installable": True,
    "application": False,
}
