from . import nordic_stock_closing_wizard
from . import nordic_stock_closing_reverse
from . import account_move_reversal
from . import nordic_stock_closing_import
