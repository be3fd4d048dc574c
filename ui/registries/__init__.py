"""The Registries tab ("Reyestrlər"): the ministry's medical registries, a million rows.

Contract with the shell: ``RegistriesTab(context, parent=None)`` and the static
``RegistriesTab.title()``; translations: ``install_registries_translations(app, language)``.
"""

from ui.registries.i18n import install_registries_translations
from ui.registries.tab import RegistriesTab

__all__ = ["RegistriesTab", "install_registries_translations"]
