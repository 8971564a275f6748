"""The cost methods of a closing's classes, and how a text names them."""

#: the cost methods in the order the principles name them
METHOD_ORDER = ("fifo", "average", "standard")


def methods_used(options, classes):
    """``{method: [inventory classes]}`` of the classes valued, in their order; a
    class whose products use several methods (``class_method_mix``) under each."""
    used = {}
    for cls in classes:
        for method in class_methods_of(options, cls.inventory_class):
            if cls.inventory_class not in used.setdefault(method, []):
                used[method].append(cls.inventory_class)
    return used or {options.method: []}


def class_methods_of(options, inventory_class):
    """The cost methods the products of ``inventory_class`` use."""
    return options.class_method_mix.get(inventory_class) or (
        options.class_methods.get(inventory_class, options.method),
    )


def methods_named(text, used, sentence=True):
    """``{method: [inventory classes]}`` as ``text`` (``labels``) writes it, in a
    sentence: "weighted average (Raw materials and consumables)"."""

    def name(method):
        word = text[method]
        if not sentence or word[1:2].isupper():
            return word
        return word[:1].lower() + word[1:]

    return "; ".join(
        f"{name(method)} ({', '.join(text.get(c, c) for c in classes)})"
        if classes
        else name(method)
        for method, classes in used.items()
    )
