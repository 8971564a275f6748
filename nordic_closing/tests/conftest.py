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

if (_ROOT / "__init__.py").exists() and _ROOT.name not in sys.modules:
    _stub = types.ModuleType(_ROOT.name)
    _stub.__file__ = str(_ROOT / "__init__.py")
    _stub.__path__ = [str(_ROOT)]
    sys.modules[_ROOT.name] = _stub
