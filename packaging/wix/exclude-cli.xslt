<?xml version="1.0" encoding="utf-8"?>
<!-- A heat transform (windows.yml: heat ... -t packaging\wix\exclude-cli.xslt): leaves
     intranet-cli.exe out of the harvested AppFiles, because intranet.wxs names it itself
     (File Id "IntranetCli", run by the REMOVEUSERDATA uninstall action). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:wix="http://schemas.microsoft.com/wix/2006/wi">
  <xsl:output method="xml" indent="yes" />
  <xsl:key name="cli" match="wix:Component[wix:File[substring(@Source, string-length(@Source) - 16) = '\intranet-cli.exe']]" use="@Id" />
  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()" /></xsl:copy>
  </xsl:template>
  <xsl:template match="wix:Component[key('cli', @Id)]" />
  <xsl:template match="wix:ComponentRef[key('cli', @Id)]" />
</xsl:stylesheet>
