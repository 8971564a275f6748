# The engine (nordic_closing) is imported by the models that call it;
# it has no Odoo import.
from . import controllers
from . import models
from . import wizards
from . import reports
from .hooks import post_init_hook
