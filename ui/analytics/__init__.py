"""The Analytics tab ("Analitika"): public-health indicators by district and month, offline.

Contract with the shell: ``AnalyticsTab(context, parent=None)`` and the static
``AnalyticsTab.title()``; translations are installed with
``ui.analytics.i18n.install_analytics_translations(app, language)``.
"""

from ui.analytics.i18n import install_analytics_translations
from ui.analytics.tab import AnalyticsTab

__all__ = ["AnalyticsTab", "install_analytics_translations"]
