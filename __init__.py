# The engine (nordic_closing) is imported by the models that call it; it has no Odoo import.
