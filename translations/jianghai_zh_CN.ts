<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>JhBasemapProject</name>
    <message>
        <location filename="../modules/map/jhbasemapproject.cpp" line="+72"/>
        <source>The basemap (maps/nantong.qgs) was not found; searched: %1. Set JH_MAPS_DIR to the maps folder.</source>
        <translation>未找到基础底图 (maps/nantong.qgs)；已查找：%1。请将 JH_MAPS_DIR 设置为底图文件夹。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot read the basemap project %1: %2</source>
        <translation>无法读取底图工程 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Some basemap layers could not be loaded: %1</source>
        <translation>部分底图图层无法加载：%1</translation>
    </message>
</context>
<context>
    <name>JhExportDialog</name>
    <message>
        <location filename="../modules/ui/jhexportdialog.cpp" line="+21"/>
        <location line="+78"/>
        <source>Export situation map</source>
        <translation>导出态势图</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Nantong environmental situation map</source>
        <translation>南通市生态环境态势图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nantong Ecological Environment Monitoring and Control Centre</source>
        <translation>南通市生态环境监测监控中心</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole city (Nantong)</source>
        <translation>全市（南通市）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>situation-map</source>
        <translation>态势图</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the output file</source>
        <translation>选择输出文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuing unit</source>
        <translation>制图单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output file</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>JhLanguage</name>
    <message>
        <location filename="../modules/ui/jhlanguage.cpp" line="+57"/>
        <source>No translation jianghai_%1.qm in %2</source>
        <translation>在 %2 中未找到翻译文件 jianghai_%1.qm</translation>
    </message>
</context>
<context>
    <name>JhMainWindow</name>
    <message>
        <location filename="../modules/ui/jhmainwindow.cpp" line="+45"/>
        <source>Jianghai Command - ecological environment command workstation</source>
        <translation>江海指挥 - 生态环境指挥调度工作站</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+113"/>
        <source>Zoom to whole Nantong</source>
        <translation>缩放至南通全市</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Export situation map…</source>
        <translation>导出态势图…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Projected coordinates (metres)</source>
        <translation>投影坐标（米）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the cursor position in CGCS2000 / 3-degree Gauss-Kruger CM 120E metres instead of longitude/latitude</source>
        <translation>以 CGCS2000 / 3 度带高斯-克吕格投影（中央经线 120°E）米制坐标代替经纬度显示光标位置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Map navigation</source>
        <translation>地图导航</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Zoom to %1</source>
        <translation>缩放至 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Zoomed to %1</source>
        <translation>已缩放至 %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Layout reset to the default</source>
        <translation>布局已恢复为默认</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>X %1 m  Y %2 m (EPSG:4549)</source>
        <translation>X %1 米  Y %2 米 (EPSG:4549)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lon %1°  Lat %2° (CGCS2000)</source>
        <translation>经度 %1°  纬度 %2° (CGCS2000)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scale 1:%1</source>
        <translation>比例尺 1:%1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The language changes to %1 when the workstation is restarted.</source>
        <translation>重新启动工作站后界面语言将切换为%1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exporting the situation map…</source>
        <translation>正在导出态势图…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <source>Export situation map</source>
        <translation>导出态势图</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Situation map exported to %1</source>
        <translation>态势图已导出至 %1</translation>
    </message>
</context>
<context>
    <name>JhSituationMapExportTask</name>
    <message>
        <location filename="../modules/map/jhsituationmapexporttask.cpp" line="+10"/>
        <source>Export situation map</source>
        <translation>导出态势图</translation>
    </message>
</context>
<context>
    <name>JhSituationMapExporter</name>
    <message>
        <location filename="../modules/map/jhsituationmapexporter.cpp" line="+105"/>
        <source>Map date: %1</source>
        <translation>制图时间: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No basemap project was given to the exporter.</source>
        <translation>导出时缺少底图工程。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No output file was given.</source>
        <translation>未指定输出文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The resolution %1 dpi is outside %2-%3 dpi.</source>
        <translation>分辨率 %1 dpi 超出范围 %2-%3 dpi。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The image size %1x%2 px is outside 1-20000 px.</source>
        <translation>图片尺寸 %1x%2 像素超出范围 1-20000 像素。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The folder of the output file does not exist: %1</source>
        <translation>输出文件所在文件夹不存在：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+94"/>
        <source>Cannot write the output file %1</source>
        <translation>无法写入输出文件 %1</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Unknown county code &quot;%1&quot;; use city or one of: %2</source>
        <translation>未知的区县代码“%1”；请使用 city（全市）或以下之一：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The layout template %1 does not exist.</source>
        <translation>打印布局模板 %1 不存在。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The layout template %1 is not valid XML.</source>
        <translation>打印布局模板 %1 不是有效的 XML。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The layout template %1 lacks the items map, title or datetime.</source>
        <translation>打印布局模板 %1 缺少 map、title 或 datetime 项。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+28"/>
        <location filename="../modules/map/jhsituationmapexporttask.cpp" line="+35"/>
        <location line="+12"/>
        <source>The export was canceled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>QGIS could not export the situation map (error %1) to %2</source>
        <translation>QGIS 无法将态势图导出至 %2（错误 %1）</translation>
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
        <translation>江海指挥工作站：南通市生态环境指挥调度地图。
不带参数时打开工作站窗口（需要图形显示）。
退出码：0 成功，1 导出失败，2 参数/格式/分辨率错误，3 无图形显示，
4 未找到底图，5 未知区县，6 输出文件夹不存在或文件不可写，
7 打印布局模板缺失或无效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export a situation map to &lt;file&gt; without opening a window.</source>
        <translation>不打开窗口，将态势图导出到 &lt;file&gt;。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title of the situation map.</source>
        <translation>态势图标题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issuing unit under the title (default: from the template).</source>
        <translation>标题下方的制图单位（默认取自模板）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Map extent: city (default) or a county code such as 320614.</source>
        <translation>地图范围：city（全市，默认）或区县代码，如 320614。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output format pdf or png (default: from the file suffix).</source>
        <translation>输出格式 pdf 或 png（默认按文件扩展名）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolution in dots per inch (default 200).</source>
        <translation>分辨率，单位 dpi（默认 200）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG width in pixels (with --height).</source>
        <translation>PNG 宽度，像素（与 --height 一起使用）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PNG height in pixels (with --width).</source>
        <translation>PNG 高度，像素（与 --width 一起使用）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Map date-time in ISO 8601 (default: now).</source>
        <translation>制图时间，ISO 8601 格式（默认：当前时间）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder holding nantong.qgs (default: found automatically).</source>
        <translation>nantong.qgs 所在文件夹（默认自动查找）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the milliseconds to the first rendered frame and exit.</source>
        <translation>输出至首帧地图绘制完成的毫秒数后退出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the window to &lt;file&gt; after the first frame and exit.</source>
        <translation>首帧绘制完成后将窗口截图保存到 &lt;file&gt; 并退出。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown language &quot;%1&quot;; use zh_CN or en.</source>
        <translation>未知语言“%1”；请使用 zh_CN 或 en。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--export-map needs an output file.</source>
        <translation>--export-map 需要指定输出文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nantong environmental situation map</source>
        <translation>南通市生态环境态势图</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown format &quot;%1&quot;; use pdf or png.</source>
        <translation>未知格式“%1”；请使用 pdf 或 png。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bad resolution &quot;%1&quot;; use %2-%3 dpi.</source>
        <translation>分辨率“%1”无效；请使用 %2-%3 dpi。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--width and --height go together, as positive pixel counts, for PNG only.</source>
        <translation>--width 与 --height 须同时给出正整数像素值，且仅用于 PNG。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bad date-time &quot;%1&quot;; use ISO 8601 such as 2026-07-01T09:30.</source>
        <translation>日期时间“%1”无效；请使用 ISO 8601 格式，如 2026-07-01T09:30。</translation>
    </message>
</context>
</TS>
