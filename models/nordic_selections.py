"""The classes, roles and frameworks as Odoo shows them: keys from the engine's
tables (``nordic_closing.frameworks``), labels translatable here, in one place."""

from ..nordic_closing.frameworks import FRAMEWORKS, INVENTORY_CLASSES, STOCK_RESERVE

_CLASS_LABELS = {
    "raw_material": "Raw materials",
    "consumable": "Consumables and supplies",
    "work_in_progress": "Work in progress",
    "finished_goods": "Finished goods",
    "goods_for_resale": "Goods for resale",
}
#: the inventory classes of DOMAIN.md section 3, in the order accountants read them
INVENTORY_CLASS_SELECTION = [(key, _CLASS_LABELS[key]) for key in INVENTORY_CLASSES]
#: the roles of data/nordic.stock.account.mapping.csv: the classes and the reserve
MAPPING_ROLES = [*INVENTORY_CLASS_SELECTION, (STOCK_RESERVE, "Stock reserve (Sweden)")]

_FRAMEWORK_LABELS = {
    "SE_K1": "Sweden K1 (BFNAR 2006:1)",
    "SE_K2": "Sweden K2 (BFNAR 2016:10)",
    "SE_K3": "Sweden K3 (BFNAR 2012:1)",
    "SE_IFRS": "Sweden IFRS (IAS 2)",
    "NO_NGAAP_SMALL": "Norway NGAAP, small enterprises (NRS 8)",
    "NO_NGAAP": "Norway NGAAP (Accounting Act)",
    "NO_IFRS": "Norway IFRS (IAS 2)",
}
#: the accounting frameworks of the engine's table, as settings values
FRAMEWORK_SELECTION = [
    (framework.key, _FRAMEWORK_LABELS[framework.key])
    for framework in FRAMEWORKS.values()
]
#: how each framework may book the Swedish 97 % rule (IL 17:4), from the engine
RULE_97_ALLOWED = {
    framework.key: {"off", *framework.rule_97_modes}
    for framework in FRAMEWORKS.values()
}
