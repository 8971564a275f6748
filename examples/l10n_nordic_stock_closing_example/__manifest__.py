{
    "name": "Nordic Stock Closing: example extension",
    "summary": "How an implementer extends l10n_nordic_stock_closing through its "
    "hooks: a line column, a count list column, a write-down reason and an "
    "analytic distribution on the entry",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "license": "LGPL-3",
    "author": "l10n_nordic_stock_closing contributors",
    "depends": ["l10n_nordic_stock_closing"],
    "data": [
        "views/nordic_stock_closing_line_views.xml",
        "views/product_category_views.xml",
        "views/res_company_views.xml",
    ],
    "installable": True,
}
