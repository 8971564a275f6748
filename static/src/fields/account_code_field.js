/** @odoo-module */

import { registry } from "@web/core/registry";
import { Many2OneField, many2OneField } from "@web/views/fields/many2one/many2one_field";

// An account shown by its code, as an accountant reads a stock equation
// ("1400"): the list cell's tooltip and the link keep its whole name
// ("1400 Direct materials/raw materials"). Odoo names an account "code name",
// and a code has no space (account.account's ACCOUNT_CODE_REGEX).
export class NordicAccountCodeField extends Many2OneField {
    get displayName() {
        return super.displayName.split(" ")[0];
    }
}

export const nordicAccountCodeField = {
    ...many2OneField,
    component: NordicAccountCodeField,
};

registry.category("fields").add("nordic_account_code", nordicAccountCodeField);
