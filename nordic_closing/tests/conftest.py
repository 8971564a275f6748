"""Let these plain pytest tests run without Odoo.

The repository root is an Odoo addon whose ``__init__.py`` imports Odoo models, and
those only import as ``odoo.addons.<name>``. pytest imports the ``__init__.py`` of every
package that encloses a test (to look for ``setup_module``), so it would import the
addon root and fail. A stub module for the addon root stops that; the engine package
``nordic_closing`` still imports for real.
Keep this directory free of ``__init__.py`` so that this file is imported on its own.
"""

import sys
import types
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]

# pytest imports the root as a package named after its folder, or, when that name is
# no Python identifier (a checkout in ``wt-lots/``), as the top-level module __init__
_NAME = _ROOT.name if _ROOT.name.isidentifier() else "__init__"

if (_ROOT / "__init__.py").exists() and _NAME not in sys.modules:
    _stub = types.ModuleType(_NAME)
    _stub.__file__ = str(_ROOT / "__init__.py")
    _stub.__path__ = [str(_ROOT)]
    sys.modules[_NAME] = _stub
