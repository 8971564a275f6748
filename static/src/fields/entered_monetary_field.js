import { useEffect } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { MonetaryField, monetaryField } from "@web/views/fields/monetary/monetary_field";
import { parseMonetary } from "@web/views/fields/parsers";

/**
 * An amount a person may enter per unit (net realisable value, replacement cost):
 * blank where there is none (its source field, ``source_field``, is "none"), so
 * that no figure is not read as 0. An amount entered or proposed shows as
 * usual, 0 included (goods worth nothing), and a 0 may be entered where there
 * is none. Emptying the input clears the entered amount: the closing proposes
 * its own again.
 */
export class NordicEnteredMonetaryField extends MonetaryField {
    static props = {
        ...MonetaryField.props,
        sourceField: { type: String },
    };

    setup() {
        super.setup();
        // typed in this session: show what was typed until the record is saved
        this.typed = false;
        // a 0 typed where there is none: the input hook takes it for no change
        // (the value read is 0 too), so it is given to the record here, first
        useEffect(
            (input) => {
                if (!input) {
                    return;
                }
                const commitZero = (ev) => {
                    if (ev.type === "keydown" && !["Enter", "Tab"].includes(ev.key)) {
                        return;
                    }
                    const { record, name, sourceField } = this.props;
                    if (
                        this.typed &&
                        !record.data[name] &&
                        ["none", false].includes(record.data[sourceField]) &&
                        input.value.trim() &&
                        parseMonetary(input.value) === 0
                    ) {
                        record.update({ [name]: 0 });
                    }
                };
                input.addEventListener("change", commitZero, true);
                input.addEventListener("keydown", commitZero, true);
                return () => {
                    input.removeEventListener("change", commitZero, true);
                    input.removeEventListener("keydown", commitZero, true);
                };
            },
            () => [this.inputRef.el]
        );
    }

    get inputOptions() {
        return {
            ...super.inputOptions,
            parse: (value) => (value.trim() ? parseMonetary(value) : false),
        };
    }

    get isNone() {
        const { record, sourceField } = this.props;
        return !this.typed && !this.value && ["none", false].includes(record.data[sourceField]);
    }

    get formattedValue() {
        return this.isNone ? "" : super.formattedValue;
    }

    onInput(ev) {
        this.typed = true;
        super.onInput(ev);
    }
}

export const nordicEnteredMonetaryField = {
    ...monetaryField,
    component: NordicEnteredMonetaryField,
    fieldDependencies: ({ options }) => [{ name: options.source_field, type: "selection" }],
    extractProps: (fieldInfo) => ({
        ...monetaryField.extractProps(fieldInfo),
        sourceField: fieldInfo.options.source_field,
    }),
};

registry.category("fields").add("nordic_entered_monetary", nordicEnteredMonetaryField);
