"""The web client's ``web_read`` specification of a view, for I of the Odoo
benchmark (see bench_odoo.py): what the form (and the list of its items) asks for
when it opens.
"""


def _node_context(node):
    """The literal context of a field node (``{'display_default_code': False}``),
    as the web client sends it in the field's specification."""
    import ast  # noqa: PLC0415

    try:
        context = ast.literal_eval(node.get("context") or "{}")
    except (ValueError, SyntaxError):  # refers to the record: not a literal
        return None
    return context or None


def arch_spec(views, arch, model):
    """The web client's specification of ``arch`` (its own level only), as
    web/static/src/model/relational_model/utils.js getFieldsSpec builds it: a
    many2one its display_name (none when always invisible) and its context; an
    x2many the fields of its list, the list's limit (40 by default) and order."""

    def spec_of(node, model):
        fields_info = views["models"][model]["fields"]
        spec = {}
        for field in node.iter("field"):
            # only this level's fields: not those of an x2many's subview
            parent = field.getparent()
            while parent is not None and parent is not node and parent.tag != "field":
                parent = parent.getparent()
            if parent is not None and parent is not node:
                continue
            name = field.get("name")
            info = fields_info.get(name, {})
            if info.get("type") == "many2one":
                spec[name] = {"fields": {}}
                if field.get("invisible") not in ("1", "True"):
                    spec[name]["fields"]["display_name"] = {}
                    if context := _node_context(field):
                        spec[name]["context"] = context
            elif info.get("type") in ("one2many", "many2many"):
                sub = next(iter(field.iterchildren("list", "tree")), None)
                if field.get("invisible") in ("1", "True"):
                    spec[name] = {}
                    continue
                spec[name] = {
                    "fields": spec_of(sub, info["relation"])
                    if sub is not None and info["relation"] in views["models"]
                    else {"display_name": {}},
                    "limit": int(sub.get("limit", 40)) if sub is not None else 40,
                }
                if sub is not None and sub.get("default_order"):
                    spec[name]["order"] = sub.get("default_order")
            else:
                spec.setdefault(name, {})
        return spec

    return spec_of(arch, model)


def form_spec(env, views, model):
    """The web client's ``web_read`` specification of a form view's arch, with the
    display_name its breadcrumb reads (form_controller.js)."""
    from lxml import etree  # noqa: PLC0415

    arch = etree.fromstring(views["views"]["form"]["arch"])
    return {**arch_spec(views, arch, model), "display_name": {}}
