from . import test_account_mapping
from . import test_generic_chart
from . import test_product_category
from . import test_settings
from . import test_security
from . import test_closing
from . import test_tour
from . import test_reports
