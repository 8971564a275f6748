from . import nordic_stock_closing_wizard
from . import nordic_stock_closing_reverse
