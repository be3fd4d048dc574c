"""The staff directory tab ("Əməkdaşlar"): search, department tree, person card.

Contract with the shell: ``DirectoryTab(context, parent=None)`` and the static
``DirectoryTab.title()``; translations are installed with
``ui.directory.i18n.install_directory_translations(app, language)``.
"""

from ui.directory.i18n import install_directory_translations
from ui.directory.tab import DirectoryTab

__all__ = ["DirectoryTab", "install_directory_translations"]
