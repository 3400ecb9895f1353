<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>JhAlarmCommandDialog</name>
    <message>
        <location filename="../modules/ui/jhalarmcommanddialog.cpp" line="+23"/>
        <source>Acknowledge alarm</source>
        <translation>确认告警</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalate to an incident</source>
        <translation>升级为事件</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+51"/>
        <source>Close alarm</source>
        <translation>关闭告警</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What you checked or arranged (optional)</source>
        <translation>已核实或已安排的情况（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the alarm can be closed (optional)</source>
        <translation>可关闭告警的原因（可选）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
</context>
<context>
    <name>JhAlarmPanel</name>
    <message>
        <location filename="../modules/ui/jhalarmpanel.cpp" line="+66"/>
        <source>Silence</source>
        <translation>静音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silence new-alarm sounds for a while (acknowledging does not silence)</source>
        <translation>暂停新告警提示音一段时间（确认告警不会静音）</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sound on</source>
        <translation>恢复提示音</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site kind</source>
        <translation>站点类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acknowledge the alarm with a note</source>
        <translation>确认告警并填写备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalate to incident</source>
        <translation>升级为事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open an incident for the alarm</source>
        <translation>为该告警立案（突发环境事件）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the alarm with a note</source>
        <translation>关闭告警并填写备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the site&apos;s details</source>
        <translation>查看站点详情</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All counties</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All site kinds</source>
        <translation>全部站点类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not closed</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Silenced until %1</source>
        <translation>静音至 %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 %2: sending</source>
        <translation>%1 %2：发送中</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2: accepted</source>
        <translation>%1 %2：已接受</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2: refused: %3</source>
        <translation>%1 %2：被拒绝：%3</translation>
    </message>
</context>
<context>
    <name>JhAlarmTableModel</name>
    <message>
        <location filename="../modules/ui/jhalarmtablemodel.cpp" line="+56"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident: %1</source>
        <translation>事件：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Factor</source>
        <translation>因子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>监测值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>持续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>操作结果</translation>
    </message>
</context>
<context>
    <name>JhBasemapProject</name>
    <message>
        <location filename="../modules/map/jhbasemapproject.cpp" line="+72"/>
        <source>The basemap (maps/nantong.qgs) was not found; searched: %1. Set JH_MAPS_DIR to the maps folder.</source>
        <translation>未找到基础底图 (maps/nantong.qgs)；已查找：%1。请将 JH_MAPS_DIR 设置为底图文件夹。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read the basemap project %1: %2</source>
        <translation>无法读取底图工程 %1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Some basemap layers could not be loaded: %1</source>
        <translation>部分底图图层无法加载：%1</translation>
    </message>
</context>
<context>
    <name>JhCentralConnector</name>
    <message>
        <location filename="../modules/ui/jhcentralconnector.cpp" line="+37"/>
        <source>No central service configured (--url or JH_CENTRAL_URL)</source>
        <translation>未配置中心服务（--url 或 JH_CENTRAL_URL）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No token for %1 (--token or JH_CENTRAL_TOKEN)</source>
        <translation>没有 %1 的令牌（--token 或 JH_CENTRAL_TOKEN）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Login cancelled</source>
        <translation>已取消登录</translation>
    </message>
</context>
<context>
    <name>JhConnectionIndicator</name>
    <message>
        <location filename="../modules/ui/jhconnectionindicator.cpp" line="+31"/>
        <source>Commands waiting to be confirmed by the central service; click to see each and its result</source>
        <translation>等待中心服务确认的命令；点击查看每条命令及其结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beijing time (UTC+8)</source>
        <translation>北京时间（UTC+8）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Beijing %1</source>
        <translation>北京时间 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+29"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Syncing</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline since %1</source>
        <translation>离线 自 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused by the central service</source>
        <translation>连接被中心服务拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Next attempt in %1 s</source>
        <translation>%1 秒后重试</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Logged in as %1</source>
        <translation>登录用户 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outbox %1</source>
        <translation>待发命令 %1</translation>
    </message>
</context>
<context>
    <name>JhDispatchPanels</name>
    <message>
        <location filename="../modules/ui/jhdispatchpanels.cpp" line="+16"/>
        <source>Incidents</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tasks</source>
        <translation>任务</translation>
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
    <name>JhFactorChartView</name>
    <message>
        <location filename="../modules/ui/jhfactorchartview.cpp" line="+173"/>
        <source>Flagged values</source>
        <translation>异常标记数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Measured</source>
        <translation>监测值</translation>
    </message>
</context>
<context>
    <name>JhIncidentDialog</name>
    <message>
        <location filename="../modules/ui/jhincidentdialog.cpp" line="+24"/>
        <source>New environmental incident</source>
        <translation>新建突发环境事件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Update incident</source>
        <translation>更新事件</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+79"/>
        <source>Close incident</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>Incident level</source>
        <translation>事件级别</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>(not set)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What happened and how it was handled</source>
        <translation>事件经过及处置情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>结案总结</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>JhIncidentPanel</name>
    <message>
        <location filename="../modules/ui/jhincidentpanel.cpp" line="+59"/>
        <source>New incident</source>
        <translation>新建事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a new environmental incident</source>
        <translation>新建一起突发环境事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change the incident&apos;s level or status</source>
        <translation>调整事件级别或状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close incident</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the incident with a summary (not while tasks are open)</source>
        <translation>填写总结后结案（仍有未完成任务时不可结案）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show closed</source>
        <translation>显示已结案</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Select an incident to see its timeline</source>
        <translation>选择事件以查看其时间线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline of %1 %2</source>
        <translation>%1 %2 时间线</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incident opened: %1, %2</source>
        <translation>事件立案：%1，%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Linked alarm %1</source>
        <translation>关联告警 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alarm %1 at %2: %3</source>
        <translation>告警 %1（%2）：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alarm %1 escalated to the incident</source>
        <translation>告警 %1 升级为本事件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>level %1</source>
        <translation>级别 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>status %1</source>
        <translation>状态 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alarms linked: %1</source>
        <translation>关联告警 %1 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated: %1</source>
        <translation>更新：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Task %1 assigned to %2: %3</source>
        <translation>任务 %1 下达给 %2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task %1: %2</source>
        <translation>任务 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Incident closed</source>
        <translation>事件结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident closed: %1</source>
        <translation>事件结案：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 %2: sending</source>
        <translation>%1 %2：发送中</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2: accepted</source>
        <translation>%1 %2：已接受</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2: refused: %3</source>
        <translation>%1 %2：被拒绝：%3</translation>
    </message>
</context>
<context>
    <name>JhIncidentTableModel</name>
    <message>
        <location filename="../modules/ui/jhincidenttablemodel.cpp" line="+117"/>
        <source>Location: %1</source>
        <translation>地点：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Summary: %1</source>
        <translation>结案总结：%1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident level</source>
        <translation>事件级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened at</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alarms</source>
        <translation>告警数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open tasks</source>
        <translation>未完成任务</translation>
    </message>
</context>
<context>
    <name>JhInventoryCommandDialog</name>
    <message>
        <location filename="../modules/ui/jhinventorycommanddialog.cpp" line="+21"/>
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reserve for an incident</source>
        <translation>为事件预留物资</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Release a reservation</source>
        <translation>释放预留</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dispatch</source>
        <translation>调拨出库</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Change (+ in, − out)</source>
        <translation>变动量（+ 入库，− 出库）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stocktake, delivery, expired …</source>
        <translation>盘点、到货、过期报废……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At most %1 %2</source>
        <translation>最多 %1 %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+11"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>JhInventoryTableModel</name>
    <message>
        <location filename="../modules/ui/jhinventorytablemodel.cpp" line="+67"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Adjusted %1</source>
        <translation>调整 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reserved %1</source>
        <translation>预留 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Released %1</source>
        <translation>释放 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dispatched %1</source>
        <translation>出库 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 by %3</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing reserved</source>
        <translation>无预留</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(before per-incident reservations)</source>
        <translation>（按事件预留之前的预留）</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+94"/>
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Incident: %1</source>
        <translation>事件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Available %1 %2 is below the minimum stock of %3 %2</source>
        <translation>可用 %1 %2，低于最低库存 %3 %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Depot</source>
        <translation>物资库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minimum stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last change</source>
        <translation>最近变动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>Low stock %1 · lines %2</source>
        <translation>低库存 %1 条 · 共 %2 条</translation>
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
    <name>JhLivePanels</name>
    <message>
        <location filename="../modules/ui/jhlivepanels.cpp" line="+23"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Station detail</source>
        <translation>站点详情</translation>
    </message>
</context>
<context>
    <name>JhLoginDialog</name>
    <message>
        <location filename="../modules/ui/jhlogindialog.cpp" line="+15"/>
        <source>Connect to the central service</source>
        <translation>连接中心服务</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The token your administrator issued with `jianghai-central user add`</source>
        <translation>管理员用 `jianghai-central user add` 签发的令牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember on this computer (token in the system keyring)</source>
        <translation>在本机记住（令牌保存在系统密钥环）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The workstation needs the address of the central service and your token.</source>
        <translation>工作站需要中心服务的地址和您的令牌。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central service</source>
        <translation>中心服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>JhMainWindow</name>
    <message>
        <location filename="../modules/ui/jhmainwindow.cpp" line="+56"/>
        <source>Jianghai Command - ecological environment command workstation</source>
        <translation>江海指挥 - 生态环境指挥调度工作站</translation>
    </message>
    <message>
        <location line="+57"/>
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
        <location line="+227"/>
        <source>Zoom to whole Nantong</source>
        <translation>缩放至南通全市</translation>
    </message>
    <message>
        <location line="-223"/>
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
        <location line="+131"/>
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
        <location line="+44"/>
        <source>The language changes to %1 when the workstation is restarted.</source>
        <translation>重新启动工作站后界面语言将切换为%1。</translation>
    </message>
    <message>
        <location line="+19"/>
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
    <name>JhOfflineBanner</name>
    <message>
        <location filename="../modules/ui/jhofflinebanner.cpp" line="+41"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Syncing with the central service …</source>
        <translation>正在与中心服务同步……</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not yet synced: the map shows the state of %1 (cached)</source>
        <translation>尚未同步：地图显示 %1 的缓存数据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the map shows the state of %1 (cached)</source>
        <translation>地图显示 %1 的缓存数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no cached state yet</source>
        <translation>尚无缓存数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused by the central service: %1 — %2</source>
        <translation>中心服务拒绝连接：%1 —— %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline since %1: %2 — %3</source>
        <translation>自 %1 起离线：%2 —— %3</translation>
    </message>
</context>
<context>
    <name>JhOutboxDialog</name>
    <message>
        <location filename="../modules/ui/jhoutboxdialog.cpp" line="+15"/>
        <source>Outbox</source>
        <translation>待发命令</translation>
    </message>
</context>
<context>
    <name>JhOutboxModel</name>
    <message>
        <location filename="../modules/ui/jhoutboxmodel.cpp" line="+77"/>
        <source>Waiting for central</source>
        <translation>等待中心确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sent %1 times</source>
        <translation>已发送 %1 次</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Queued</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>JhResourcePanel</name>
    <message>
        <location filename="../modules/ui/jhresourcepanel.cpp" line="+43"/>
        <source>Search depot or item</source>
        <translation>搜索物资库或物资</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Depot</source>
        <translation>物资库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low stock only</source>
        <translation>仅显示低库存</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book stock in or out with a reason</source>
        <translation>登记入库或出库并注明原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserve</source>
        <translation>预留</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reserve stock for an open incident</source>
        <translation>为未关闭的事件预留库存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Release an incident&apos;s reservation</source>
        <translation>释放事件的预留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatch</source>
        <translation>调拨出库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatch stock to an incident or a task</source>
        <translation>向事件或任务调拨出库</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>All depots</source>
        <translation>全部物资库</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 %2: sending</source>
        <translation>%1 %2：发送中</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 %2: accepted</source>
        <translation>%1 %2：已接受</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2: refused: %3</source>
        <translation>%1 %2：被拒绝：%3</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 (reserved %2 %3)</source>
        <translation>%1（已预留 %2 %3）</translation>
    </message>
</context>
<context>
    <name>JhResourcePanels</name>
    <message>
        <location filename="../modules/ui/jhresourcepanels.cpp" line="+16"/>
        <source>Emergency resources</source>
        <translation>应急物资</translation>
    </message>
</context>
<context>
    <name>JhSiteDetailPanel</name>
    <message>
        <location filename="../modules/ui/jhsitedetailpanel.cpp" line="+75"/>
        <source>No site selected: choose an alarm, a map feature or search (Ctrl+F).</source>
        <translation>未选择站点：请选择告警、地图要素或搜索（Ctrl+F）。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Latest values</source>
        <translation>最新数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Factor</source>
        <translation>因子</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Value</source>
        <translation>监测值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interval</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data flag</source>
        <translation>数据标记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data time</source>
        <translation>数据时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age</source>
        <translation>距今</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alarms of the site</source>
        <translation>本站告警</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>告警内容</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Last 24 hours</source>
        <translation>近 24 小时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hourly values</source>
        <translation>小时值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minute values</source>
        <translation>分钟值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask central for the series again</source>
        <translation>重新向中心查询数据</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Site %1 is not known.</source>
        <translation>未知站点 %1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MN</source>
        <translation>MN 号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>监测网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>传输协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target class</source>
        <translation>水质目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noise zone</source>
        <translation>声环境功能区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zone %1 (GB 3096-2008)</source>
        <translation>%1 类区（GB 3096-2008）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Permitted limits</source>
        <translation>许可排放限值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (approximate)</source>
        <translation>（近似位置）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No live status for this site yet.</source>
        <translation>暂无该站点的实时状态。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · last data %1 (age %2)</source>
        <translation> · 最新数据 %1（距今 %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · offline since %1</source>
        <translation> · 自 %1 离线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 alarm(s) not closed, worst %2</source>
        <translation> · 未关闭告警 %1 条，最高级别 %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>primary pollutant %1</source>
        <translation>首要污染物 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IAQI: %1</source>
        <translation>IAQI：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (incomplete hour)</source>
        <translation>（该小时数据不全）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Water class %1, target %2: %3</source>
        <translation>水质 %1，目标 %2：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>meets the target</source>
        <translation>达标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>worse than the target</source>
        <translation>劣于目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAeq %1 dB(A), %2 limit %3 dB(A)%4</source>
        <translation>等效声级 %1 dB(A)，%2限值 %3 dB(A)%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>night</source>
        <translation>夜间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>day</source>
        <translation>昼间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>: exceeded</source>
        <translation>，超标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 of permitted %3 (%4×)</source>
        <translation>%1 %2，许可限值 %3（%4 倍）</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>The site reports no factors.</source>
        <translation>该站点无监测因子。</translation>
    </message>
    <message>
        <location line="-198"/>
        <location line="+211"/>
        <source>Loading the last 24 hours…</source>
        <translation>正在加载近 24 小时数据…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The series could not be loaded: %1</source>
        <translation>无法加载数据：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From the cache (%1)</source>
        <translation>来自缓存（%1）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2 stored values shown as minimum and maximum per %3 min</source>
        <translation>%1：共 %2 个数据，按每 %3 分钟的最小值和最大值显示</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n factor(s) without data in the last 24 hours</source>
        <translation>
            <numerusform>%n 个因子近 24 小时无数据</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JhSiteSearchBox</name>
    <message>
        <location filename="../modules/ui/jhsitesearchbox.cpp" line="+17"/>
        <source>Search site: name, MN, code, county (Ctrl+F)</source>
        <translation>搜索站点：名称、MN 号、编码、区县（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a site by name, MN, station code or county (Ctrl+F)</source>
        <translation>按名称、MN 号、站点编码或区县查找站点（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>JhSituationMapExportTask</name>
    <message>
        <location filename="../modules/map/jhsituationmapexporttask.cpp" line="+11"/>
        <source>Export situation map</source>
        <translation>导出态势图</translation>
    </message>
</context>
<context>
    <name>JhSituationMapExporter</name>
    <message>
        <location filename="../modules/map/jhsituationmapexporter.cpp" line="+158"/>
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
        <location line="+109"/>
        <source>Cannot write the output file %1</source>
        <translation>无法写入输出文件 %1</translation>
    </message>
    <message>
        <location line="-93"/>
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
        <location line="+10"/>
        <location line="+40"/>
        <location filename="../modules/map/jhsituationmapexporttask.cpp" line="+43"/>
        <location line="+17"/>
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
    <name>JhTaskDialog</name>
    <message>
        <location filename="../modules/ui/jhtaskdialog.cpp" line="+20"/>
        <source>Assign task</source>
        <translation>下达任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept</source>
        <translation>接收</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>En route</source>
        <translation>在途</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On site</source>
        <translation>到场</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instructions</source>
        <translation>任务要求</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Instructions: %1</source>
        <translation>任务要求：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>JhTaskPanel</name>
    <message>
        <location filename="../modules/ui/jhtaskpanel.cpp" line="+40"/>
        <source>All incidents</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only my team</source>
        <translation>仅本队</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Tasks of all incidents</source>
        <translation>全部事件的任务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tasks of %1 %2</source>
        <translation>%1 %2 的任务</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1 %2: sending</source>
        <translation>%1 %2：发送中</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2: accepted</source>
        <translation>%1 %2：已接受</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2: refused: %3</source>
        <translation>%1 %2：被拒绝：%3</translation>
    </message>
</context>
<context>
    <name>JhTaskTableModel</name>
    <message>
        <location filename="../modules/ui/jhtasktablemodel.cpp" line="+121"/>
        <source>Instructions: %1</source>
        <translation>任务要求：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last report: %1</source>
        <translation>最新反馈：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated at</source>
        <translation>更新时间</translation>
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
        <location line="+4"/>
        <source>Central service URL, ws:// or wss:// (default: JH_CENTRAL_URL, then the settings).</source>
        <translation>中心服务地址，ws:// 或 wss://（默认：JH_CENTRAL_URL，其次为设置）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API token (default: JH_CENTRAL_TOKEN, then the keyring).</source>
        <translation>API 令牌（默认：JH_CENTRAL_TOKEN，其次为密钥环）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not connect to a central service (basemap only).</source>
        <translation>不连接中心服务（仅底图）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --screenshot: wait at most this many seconds for the first sync.</source>
        <translation>与 --screenshot 一起使用：最多等待首次同步的秒数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Once synced, centre the map on this site and open its details.</source>
        <translation>同步后将地图定位到该站点并打开其详情。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown language &quot;%1&quot;; use zh_CN or en.</source>
        <translation>未知语言“%1”；请使用 zh_CN 或 en。</translation>
    </message>
    <message>
        <location line="+19"/>
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
