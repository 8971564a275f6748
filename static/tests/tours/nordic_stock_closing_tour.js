/** @odoo-module */

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import {
    openClosingMenu,
    previewSteps,
} from "@l10n_nordic_stock_closing/../tests/tours/utils/nordic_closing_util";

// From the menu to the posted entry: Invoicing > Inventory closing > Close the
// inventory, preview the classes and the entry, post, land on the posted closing.
registry.category("web_tour.tours").add("nordic_stock_closing_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("account.menu_finance", "Open Invoicing"),
        ...openClosingMenu("Close the inventory"),
        ...previewSteps(),
        {
            content: "The stock equation shows goods for resale",
            trigger: '.modal .o_field_widget[name="class_ids"] .o_data_row:contains("Goods for resale")',
        },
        {
            content: "Open the entry preview",
            trigger: '.modal .nav-link:contains("Entry")',
            run: "click",
        },
        {
            content: "The entry debits 1460",
            trigger: '.modal .o_field_widget[name="entry_line_ids"] .o_data_row:contains("1460")',
        },
        {
            content: "Post",
            trigger: '.modal button[name="action_post"]',
            run: "click",
        },
        {
            content: "The posted closing is open",
            trigger: '.o_form_view .o_statusbar_status .o_arrow_button_current:contains("Posted")',
        },
    ],
});
