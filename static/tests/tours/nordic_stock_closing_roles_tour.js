/** @odoo-module */

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import {
    HEADER,
    checkHeader,
    closingSectionSteps,
    enterNrvSteps,
    openClosingMenu,
    previewSteps,
} from "@l10n_nordic_stock_closing/../tests/tours/utils/nordic_closing_util";

// Each role finds the closings by menu and sees only what it may do. The steps
// use the menus, the wizard's footer, the closings' list and the form's header
// buttons only.

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
            content: "The class's inventory account by its code alone (its name on hover)",
            trigger:
                '.modal .o_field_widget[name="class_ids"] .o_data_row:contains("Goods for resale") td[name="inventory_account_id"]',
            run: () => {
                const cell = document.querySelector(
                    '.modal .o_field_widget[name="class_ids"] .o_data_row td[name="inventory_account_id"]'
                );
                if (!/^\d+$/.test(cell.innerText.trim())) {
                    throw new Error(`The account shows "${cell.innerText}", not its code`);
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
        ...enterNrvSteps(),
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
