"""The pure core: model, kinds, results, storage, i18n. Imports no shell and no UI.

Importing it first has ``dataclasses`` reuse the compiled code of the methods it writes
(:mod:`workshop_tui.core.dataclass_code`): every frozen class of the app is made from it.
"""

from workshop_tui.core.dataclass_code import install as _install
from workshop_tui.core.dataclass_recipe import install as _install_recipes

_install()
_install_recipes()
