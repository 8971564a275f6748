"""The classes, roles and frameworks as Odoo shows them: keys from the engine's
tables and labels (``nordic_closing``), translated by Odoo: one place. Also the one
declaration of an account the closing books on."""

from odoo import fields

from ..nordic_closing.frameworks import (
    FRAMEWORKS,
    INVENTORY_CLASSES,
    STOCK_RESERVE,
    TAX_PRINCIPLES,
    framework_by_key,
)
from ..nordic_closing.labels import labels, language_of

#: the inventory classes of DOMAIN.md section 3, in the order accountants read them,
#: with the engine's English labels (translated by Odoo)
INVENTORY_CLASS_SELECTION = [(key, labels("en")[key]) for key in INVENTORY_CLASSES]
#: the roles of data/nordic.stock.account.mapping.csv: the classes and the reserve
MAPPING_ROLES = [*INVENTORY_CLASS_SELECTION, (STOCK_RESERVE, "Stock reserve (Sweden)")]

#: why an item is written down, with the engine's labels (translated by Odoo)
WRITE_DOWN_REASON_SELECTION = [
    (key.removeprefix("reason_"), label)
    for key, label in labels("en").items()
    if key.startswith("reason_")
]
#: Denmark's tax principles per product group (varelagerloven § 1), engine labels
TAX_PRINCIPLE_SELECTION = [
    (key, labels("en")[f"tax_principle_{key}"]) for key in TAX_PRINCIPLES
]
#: the states of a closing
CLOSING_STATE_SELECTION = [
    ("draft", "Draft"),
    ("computed", "Computed"),
    ("posted", "Posted"),
    ("reversed", "Reversed"),
]
#: where an item's net realisable value comes from
NRV_SOURCE_SELECTION = [
    ("none", "None"),
    ("sales_price", "Sales price less selling costs"),
    ("manual", "Entered"),
]
#: where an item's replacement cost comes from (Denmark, Finland)
REPLACEMENT_SOURCE_SELECTION = [
    ("none", "None"),
    ("vendor_price", "Vendor price"),
    ("manual", "Entered"),
]


def framework_selection(_model=None):
    """The accounting frameworks of the engine's table, as settings values, with
    their labels in the user's language (the engine's, ``framework_<key>``; a
    framework without one: its English label). Read when asked, so that a country
    registered in the engine's table (``frameworks.register_country``) is offered."""
    text = labels(language_of(_model.env.lang) if _model is not None else "en")
    return [
        (framework.key, text.get(f"framework_{framework.key}", framework.label))
        for framework in FRAMEWORKS.values()
    ]


def rule_97_allowed(key):
    """How the framework ``key`` may book the Swedish 97 % rule (IL 17:4): the
    modes of the engine's table, and ``off``."""
    framework = framework_by_key(key)
    return {"off", *(framework.rule_97_modes if framework else ())}


def account_field(string, help_text, **kwargs):
    """A Many2one to an active account of the record's company, the shape of every
    account a closing books on (class settings, categories)."""
    return fields.Many2one(
        "account.account",
        string=string,
        check_company=True,
        domain="[('deprecated', '=', False)]",
        help=help_text,
        **kwargs,
    )
