"""Let tools/test_wheel.py run as plain pytest, without Odoo.

As in nordic_closing/tests/conftest.py: pytest imports the ``__init__.py`` of the
repository root (the addon, which imports Odoo models) because it encloses this
directory, so stand a stub module in for it. Keep tools/ free of ``__init__.py``.
"""

import sys
import types
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]

if (_ROOT / "__init__.py").exists() and _ROOT.name not in sys.modules:
    _stub = types.ModuleType(_ROOT.name)
    _stub.__file__ = str(_ROOT / "__init__.py")
    _stub.__path__ = [str(_ROOT)]
    sys.modules[_ROOT.name] = _stub
