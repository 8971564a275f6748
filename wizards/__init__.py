from . import nordic_stock_closing_wizard
