/** @odoo-module */

// Steps the inventory closing tours share.

// Open ``item`` of the Invoicing app's "Inventory closing" menu.
export function openClosingMenu(item) {
    return [
        {
            content: "Open the inventory closing menu",
            trigger: '.o_menu_sections .dropdown-toggle:contains("Inventory closing")',
            run: "click",
        },
        {
            content: `Open ${item}`,
            trigger: `.dropdown-item:contains("${item}")`,
            run: "click",
        },
    ];
}

// In the closing wizard: the balance date 2025-12-31, then Preview.
export function previewSteps() {
    return [
        {
            content: "Balance date",
            trigger: '.modal .o_field_widget[name="date"] input',
            run: "edit 12/31/2025",
        },
        {
            content: "Preview the closing",
            trigger: '.modal button[name="action_preview"]',
            run: "click",
        },
    ];
}

export const HEADER = ".o_form_view .o_statusbar_buttons";

// Throw unless the form's header has every button named in ``present`` and none
// named in ``absent`` (a method's name, or the label of an action button).
export function checkHeader(who, present, absent) {
    const buttons = [...document.querySelectorAll(`${HEADER} button`)];
    const has = (name) =>
        buttons.some((b) => b.getAttribute("name") === name || b.textContent.trim() === name);
    for (const name of present) {
        if (!has(name)) {
            throw new Error(`${who} should see ${name}`);
        }
    }
    for (const name of absent) {
        if (has(name)) {
            throw new Error(`${who} must not see ${name}`);
        }
    }
}

// Open the "Inventory closing" section of the current app and check its items.
export function closingSectionSteps(expected, absent) {
    return [
        {
            content: "Open the inventory closing menu",
            trigger: '.o_menu_sections .dropdown-toggle:contains("Inventory closing")',
            run: "click",
        },
        ...expected.map((item) => ({
            content: `The menu offers ${item}`,
            trigger: `.dropdown-item:contains("${item}")`,
        })),
        {
            content: `The menu does not offer ${absent.join(", ") || "more"}`,
            trigger: `.dropdown-item:contains("${expected[0]}")`,
            run: () => {
                for (const item of absent) {
                    const found = [...document.querySelectorAll(".dropdown-item")].find((el) =>
                        el.textContent.includes(item)
                    );
                    if (found) {
                        throw new Error(`The menu must not offer ${item}`);
                    }
                }
            },
        },
        {
            content: "Close the menu",
            trigger: '.o_menu_sections .dropdown-toggle:contains("Inventory closing")',
            run: "click",
        },
    ];
}

// The preparer's work in the closing's items (a list of their own, opened from the
// form, which reads no items): enter a net realisable value of 90 per unit on the
// one item "Product R" (10 at 100): written down 10 x (100 - 90) = 100.
export function enterNrvSteps() {
    return [
        {
            content: "Its form has no items tab: the items open from the Items button",
            trigger: '.o_form_view button[name="action_open_lines"]:contains("Items")',
            run: () => {
                if (document.querySelector('.o_form_view .o_notebook a[name="items"]')) {
                    throw new Error("The form must not read the items");
                }
            },
        },
        {
            content: "Open the items",
            trigger: '.o_form_view button[name="action_open_lines"]',
            run: "click",
        },
        {
            content: "The items list: reference and product name in columns of their own",
            trigger:
                '.o_list_view .o_data_row:has(td[name="default_code"]:contains("R")) td[name="product_id"]:contains("Product R"):not(:contains("[R]"))',
        },
        {
            content: "Click the item's net realisable value",
            trigger: '.o_list_view .o_data_row td[name="net_realisable_value"]',
            run: "click",
        },
        {
            content: "Enter 90 per unit",
            trigger: '.o_list_view .o_data_row.o_selected_row td[name="net_realisable_value"] input',
            run: "edit 90",
        },
        {
            content: "Save",
            trigger: ".o_list_view .o_list_button_save",
            run: "click",
        },
        {
            content: "Written down: 10 x (100 - 90) = 100, the value marked entered",
            trigger:
                '.o_list_view .o_data_row:not(.o_selected_row):has(td[name="nrv_source"]:contains("Entered")) td[name="write_down"]:contains("100")',
        },
    ];
}
