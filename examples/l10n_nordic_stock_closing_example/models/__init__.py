from . import product_category
from . import res_company
from . import nordic_stock_closing_line
from . import nordic_stock_closing
