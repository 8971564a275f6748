/** @odoo-module */

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import {
    openClosingMenu,
    previewSteps,
} from "@l10n_nordic_stock_closing/../tests/tours/utils/nordic_closing_util";

// Each role finds the closings by menu and sees only what it may do. The steps
// use the menus, the wizard's footer, the closings' list and the form's header
// buttons only.

const HEADER = ".o_form_view .o_statusbar_buttons";

// Throw unless the form's header has every button named in ``present`` and none
// named in ``absent`` (a method's name, or the label of an action button).
function checkHeader(who, present, absent) {
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
function closingSectionSteps(expected, absent) {
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

// The preparer: an Inventory user with "Prepare inventory closings", without the
// accounting menus. Inventory > Inventory closing: previews a closing (no Post),
// finds it in the list, may recompute and download it, not post it.
registry.category("web_tour.tours").add("nordic_stock_closing_role_preparer_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("stock.menu_stock_root", "Open Inventory"),
        ...closingSectionSteps(
            ["Close the inventory", "Inventory closings", "Closing items analysis"],
            []
        ),
        ...openClosingMenu("Close the inventory"),
        ...previewSteps(),
        {
            content: "Previewed (Preview is done), and no Post for a preparer",
            trigger: ".modal .modal-footer:not(:has(button[name='action_preview']))",
            run: () => {
                if (document.querySelector(".modal button[name='action_post']")) {
                    throw new Error("A preparer must not see Post");
                }
            },
        },
        {
            content: "Leave the wizard",
            trigger: ".modal .btn-secondary:contains(Cancel)",
            run: "click",
        },
        ...openClosingMenu("Inventory closings"),
        {
            content: "Open the computed closing",
            trigger: '.o_list_view .o_data_row:contains("Computed") td.o_data_cell[name="name"]',
            run: "click",
        },
        {
            content: "Its form: Recompute and Download XLSX",
            trigger: `${HEADER} button[name="action_compute"]`,
        },
        {
            content: "Download XLSX, print, and no Post or Reverse",
            trigger: `${HEADER} button[name="action_download_xlsx"]`,
            run: () =>
                checkHeader(
                    "A preparer",
                    ["action_print_count_list", "action_print_summary"],
                    ["action_post", "Reverse"]
                ),
        },
    ],
});

// The poster ("Post and reverse inventory closings" with the read-only accounting
// menus): Invoicing > Inventory closing > Close the inventory, Post, and back to
// the closings by the breadcrumb.
registry.category("web_tour.tours").add("nordic_stock_closing_role_poster_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("account.menu_finance", "Open Invoicing"),
        ...openClosingMenu("Close the inventory"),
        ...previewSteps(),
        {
            content: "Post",
            trigger: '.modal button[name="action_post"]',
            run: "click",
        },
        {
            content: "The posted closing is open",
            trigger: '.o_form_view .o_statusbar_status .o_arrow_button_current:contains("Posted")',
        },
        {
            content: "The breadcrumb leads back to the closings",
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("Inventory closings")',
            run: "click",
        },
        {
            content: "The closings' list, the closing posted",
            trigger: '.o_list_view .o_data_row:contains("Posted")',
        },
    ],
});

// The read-only accountant (auditor): Invoicing > Inventory closing without the
// wizard; on a posted closing Download XLSX and the prints, nothing that changes it.
registry.category("web_tour.tours").add("nordic_stock_closing_role_reader_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("account.menu_finance", "Open Invoicing"),
        ...closingSectionSteps(
            ["Inventory closings", "Closing items analysis", "Closings overview"],
            ["Close the inventory"]
        ),
        ...openClosingMenu("Inventory closings"),
        {
            content: "Open the posted closing",
            trigger: '.o_list_view .o_data_row:contains("Posted") td.o_data_cell[name="name"]',
            run: "click",
        },
        {
            content: "Its form is open",
            trigger: '.o_form_view .o_statusbar_status .o_arrow_button_current:contains("Posted")',
        },
        {
            content: "Download XLSX and the prints, nothing else",
            trigger: `${HEADER} button[name="action_download_xlsx"]`,
            run: () =>
                checkHeader(
                    "A read-only accountant",
                    [
                        "action_print_count_list",
                        "action_print_summary",
                        "action_download_count_list_xlsx",
                    ],
                    ["action_post", "Reverse", "action_compute", "action_reset_to_draft"]
                ),
        },
    ],
});
