/** @odoo-module */

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import {
    openClosingMenu,
    previewSteps,
} from "@l10n_nordic_stock_closing/../tests/tours/utils/nordic_closing_util";

// The poster (an accounting administrator): the overview, the analysis, the
// wizard into the closings' breadcrumb, the warning for a date already posted,
// Odoo's Reverse Entry refused on the closing's entry, and the reversal dialog.
registry.category("web_tour.tours").add("nordic_stock_closing_poster_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("account.menu_finance", "Open Invoicing"),
        ...openClosingMenu("Closings overview"),
        {
            content: "The overview groups the companies by the status of their closing",
            trigger: ".o_list_view .o_group_header",
            run: "click",
        },
        {
            content: "The company, not closed yet",
            trigger: '.o_list_view .o_data_row:contains("Nordvare AS")',
        },
        ...openClosingMenu("Close the inventory"),
        ...previewSteps(),
        {
            content: "The dialog is extra large",
            trigger: ".modal .modal-dialog.modal-xl",
        },
        {
            content: "Post",
            trigger: '.modal button[name="action_post"]',
            run: "click",
        },
        {
            content: "The posted closing opens under Inventory closings",
            trigger: '.o_breadcrumb:contains("Inventory closings")',
        },
        {
            content: "It is posted",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Posted")',
        },
        ...openClosingMenu("Close the inventory"),
        {
            content: "Balance date already posted",
            trigger: '.modal .o_field_widget[name="date"] input',
            run: "edit 12/31/2025",
        },
        {
            content: "Warned at once",
            trigger: '.modal .alert-warning:contains("already has a posted closing")',
        },
        {
            content: "Leave the wizard",
            trigger: ".modal .btn-secondary:contains(Cancel)",
            run: "click",
        },
        ...openClosingMenu("Closing items analysis"),
        {
            content: "The items in a pivot table",
            trigger: ".o_pivot_view .o_pivot",
        },
        {
            content: "Switch to the graph",
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            content: "The write-downs in a graph",
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
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
            content: "Open the closing's journal entry",
            trigger: '.o_form_view button[name="action_open_move"]',
            run: "click",
        },
        {
            content: "Odoo's own Reverse Entry on the closing's entry",
            trigger: '.o_form_view .o_statusbar_buttons button:contains("Reverse Entry")',
            run: "click",
        },
        {
            content: "Refused at once, pointing to the closing's Reverse",
            trigger: '.modal:contains("use its Reverse")',
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The entry is still posted, not reversed",
            trigger: '.o_form_view .o_statusbar_status .o_arrow_button_current:contains("Posted")',
        },
        {
            content: "Back to the closing",
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("Inventory closing 12/31/2025")',
            run: "click",
        },
        {
            content: "The closing's form again, still posted",
            trigger:
                '.o_form_view:has(button[name="action_open_move"]) .o_arrow_button_current:contains("Posted")',
        },
        {
            content: "The closing's own Reverse",
            trigger: '.o_form_view .o_statusbar_buttons button:contains("Reverse"):not(:contains("Entry"))',
            run: "click",
        },
        {
            content: "The reversal asks a reason",
            trigger: '.modal .o_field_widget[name="reason"] input',
            run: "edit Count corrected",
        },
        {
            content: "Reverse with that date and reason",
            trigger: '.modal button[name="action_reverse"]',
            run: "click",
        },
        {
            content: "It is reversed",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Reversed")',
        },
        {
            content: "The chatter says why and links the reversal entry",
            trigger: '.o-mail-Message:contains("Count corrected") a[data-oe-model="account.move"]',
        },
    ],
});
