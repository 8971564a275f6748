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
