<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>JhBasemapProject</name>
    <message>
        <location filename="../modules/map/jhbasemapproject.cpp" line="+72"/>
        <source>The basemap (maps/nantong.qgs) was not found; searched: %1. Set JH_MAPS_DIR to the maps folder.</source>
        <translation>The basemap (maps/nantong.qgs) was not found; searched: %1. Set JH_MAPS_DIR to the maps folder.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot read the basemap project %1: %2</source>
        <translation>Cannot read the basemap project %1: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Some basemap layers could not be loaded: %1</source>
        <translation>Some basemap layers could not be loaded: %1</translation>
    </message>
</context>
<context>
    <name>JhExportDialog</name>
    <message>
        <location filename="../modules/ui/jhexportdialog.cpp" line="+21"/>
        <location line="+78"/>
        <source>Export situation map</source>
        <translation>Export situation map</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Nantong environmental situation map</source>
        <translation>Nantong environmental situation map</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nantong Ecological Environment Monitoring and Control Centre</source>
        <translation>Nantong Ecological Environment Monitoring and Control Centre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole city (Nantong)</source>
        <translation>Whole city (Nantong)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF document</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image</source>
        <translation>PNG image</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>situation-map</source>
        <translation>situation-map</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the output file</source>
        <translation>Choose the output file</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuing unit</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extent</source>
        <translation>Extent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output file</source>
        <translation>Output file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>JhLanguage</name>
    <message>
        <location filename="../modules/ui/jhlanguage.cpp" line="+57"/>
        <source>No translation jianghai_%1.qm in %2</source>
        <translation>No translation jianghai_%1.qm in %2</translation>
    </message>
</context>
<context>
    <name>JhMainWindow</name>
    <message>
        <location filename="../modules/ui/jhmainwindow.cpp" line="+45"/>
        <source>Jianghai Command - ecological environment command workstation</source>
        <translation>Jianghai Command - ecological environment command workstation</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+113"/>
        <source>Zoom to whole Nantong</source>
        <translation>Zoom to whole Nantong</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Export situation map…</source>
        <translation>Export situation map…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset layout</source>
        <translation>Reset layout</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Projected coordinates (metres)</source>
        <translation>Projected coordinates (metres)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the cursor position in CGCS2000 / 3-degree Gauss-Kruger CM 120E metres instead of longitude/latitude</source>
        <translation>Show the cursor position in CGCS2000 / 3-degree Gauss-Kruger CM 120E metres instead of longitude/latitude</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Map navigation</source>
        <translation>Map navigation</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Bookmarks</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Zoom to %1</source>
        <translation>Zoom to %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Zoomed to %1</source>
        <translation>Zoomed to %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Layout reset to the default</source>
        <translation>Layout reset to the default</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>X %1 m  Y %2 m (EPSG:4549)</source>
        <translation>X %1 m  Y %2 m (EPSG:4549)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lon %1°  Lat %2° (CGCS2000)</source>
        <translation>Lon %1°  Lat %2° (CGCS2000)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scale 1:%1</source>
        <translation>Scale 1:%1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The language changes to %1 when the workstation is restarted.</source>
        <translation>The language changes to %1 when the workstation is restarted.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exporting the situation map…</source>
        <translation>Exporting the situation map…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <source>Export situation map</source>
        <translation>Export situation map</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Situation map exported to %1</source>
        <translation>Situation map exported to %1</translation>
    </message>
</context>
<context>
    <name>JhSituationMapExportTask</name>
    <message>
        <location filename="../modules/map/jhsituationmapexporttask.cpp" line="+10"/>
        <source>Export situation map</source>
        <translation>Export situation map</translation>
    </message>
</context>
<context>
    <name>JhSituationMapExporter</name>
    <message>
        <location filename="../modules/map/jhsituationmapexporter.cpp" line="+105"/>
        <source>Map date: %1</source>
        <translation>Map date: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No basemap project was given to the exporter.</source>
        <translation>No basemap project was given to the exporter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No output file was given.</source>
        <translation>No output file was given.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The resolution %1 dpi is outside %2-%3 dpi.</source>
        <translation>The resolution %1 dpi is outside %2-%3 dpi.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The image size %1x%2 px is outside 1-20000 px.</source>
        <translation>The image size %1x%2 px is outside 1-20000 px.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The folder of the output file does not exist: %1</source>
        <translation>The folder of the output file does not exist: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+94"/>
        <source>Cannot write the output file %1</source>
        <translation>Cannot write the output file %1</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Unknown county code &quot;%1&quot;; use city or one of: %2</source>
        <translation>Unknown county code &quot;%1&quot;; use city or one of: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The layout template %1 does not exist.</source>
        <translation>The layout template %1 does not exist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The layout template %1 is not valid XML.</source>
        <translation>The layout template %1 is not valid XML.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The layout template %1 lacks the items map, title or datetime.</source>
        <translation>The layout template %1 lacks the items map, title or datetime.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+28"/>
        <location filename="../modules/map/jhsituationmapexporttask.cpp" line="+35"/>
        <location line="+12"/>
        <source>The export was canceled.</source>
        <translation>The export was canceled.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>QGIS could not export the situation map (error %1) to %2</source>
        <translation>QGIS could not export the situation map (error %1) to %2</translation>
    </message>
</context>
<context>
    <name>JhWorkstationOptions</name>
    <message>
        <location filename="../app/workstation/jhworkstationoptions.cpp" line="+67"/>
        <source>Jianghai Command workstation: the Nantong ecological environment command map.
Without options it opens the workstation window (a display is needed).
Exit codes: 0 success, 1 export failed, 2 bad usage/format/resolution, 3 no display,
4 basemap not found, 5 unknown county, 6 output folder missing or file not writable,
7 layout template missing or invalid.</source>
        <translation>Jianghai Command workstation: the Nantong ecological environment command map.
Without options it opens the workstation window (a display is needed).
Exit codes: 0 success, 1 export failed, 2 bad usage/format/resolution, 3 no display,
4 basemap not found, 5 unknown county, 6 output folder missing or file not writable,
7 layout template missing or invalid.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export a situation map to &lt;file&gt; without opening a window.</source>
        <translation>Export a situation map to &lt;file&gt; without opening a window.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title of the situation map.</source>
        <translation>Title of the situation map.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issuing unit under the title (default: from the template).</source>
        <translation>Issuing unit under the title (default: from the template).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Map extent: city (default) or a county code such as 320614.</source>
        <translation>Map extent: city (default) or a county code such as 320614.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output format pdf or png (default: from the file suffix).</source>
        <translation>Output format pdf or png (default: from the file suffix).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolution in dots per inch (default 200).</source>
        <translation>Resolution in dots per inch (default 200).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG width in pixels (with --height).</source>
        <translation>PNG width in pixels (with --height).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PNG height in pixels (with --width).</source>
        <translation>PNG height in pixels (with --width).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Map date-time in ISO 8601 (default: now).</source>
        <translation>Map date-time in ISO 8601 (default: now).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User interface language: zh_CN or en.</source>
        <translation>User interface language: zh_CN or en.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder holding nantong.qgs (default: found automatically).</source>
        <translation>Folder holding nantong.qgs (default: found automatically).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the milliseconds to the first rendered frame and exit.</source>
        <translation>Print the milliseconds to the first rendered frame and exit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the window to &lt;file&gt; after the first frame and exit.</source>
        <translation>Save the window to &lt;file&gt; after the first frame and exit.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown language &quot;%1&quot;; use zh_CN or en.</source>
        <translation>Unknown language &quot;%1&quot;; use zh_CN or en.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--export-map needs an output file.</source>
        <translation>--export-map needs an output file.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nantong environmental situation map</source>
        <translation>Nantong environmental situation map</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown format &quot;%1&quot;; use pdf or png.</source>
        <translation>Unknown format &quot;%1&quot;; use pdf or png.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bad resolution &quot;%1&quot;; use %2-%3 dpi.</source>
        <translation>Bad resolution &quot;%1&quot;; use %2-%3 dpi.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--width and --height go together, as positive pixel counts, for PNG only.</source>
        <translation>--width and --height go together, as positive pixel counts, for PNG only.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bad date-time &quot;%1&quot;; use ISO 8601 such as 2026-07-01T09:30.</source>
        <translation>Bad date-time &quot;%1&quot;; use ISO 8601 such as 2026-07-01T09:30.</translation>
    </message>
</context>
</TS>
