from . import report_nordic_base
from . import report_nordic_count_list
from . import report_nordic_closing_summary
