<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>JhAlarmCommandDialog</name>
    <message>
        <location filename="../modules/ui/jhalarmcommanddialog.cpp" line="+23"/>
        <source>Acknowledge alarm</source>
        <translation>Acknowledge alarm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalate to an incident</source>
        <translation>Escalate to an incident</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+51"/>
        <source>Close alarm</source>
        <translation>Close alarm</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What you checked or arranged (optional)</source>
        <translation>What you checked or arranged (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the alarm can be closed (optional)</source>
        <translation>Why the alarm can be closed (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalate</source>
        <translation>Escalate</translation>
    </message>
</context>
<context>
    <name>JhAlarmPanel</name>
    <message>
        <location filename="../modules/ui/jhalarmpanel.cpp" line="+66"/>
        <source>Silence</source>
        <translation>Silence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silence new-alarm sounds for a while (acknowledging does not silence)</source>
        <translation>Silence new-alarm sounds for a while (acknowledging does not silence)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sound on</source>
        <translation>Sound on</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>County</source>
        <translation>County</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site kind</source>
        <translation>Site kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acknowledge the alarm with a note</source>
        <translation>Acknowledge the alarm with a note</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalate to incident</source>
        <translation>Escalate to incident</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open an incident for the alarm</source>
        <translation>Open an incident for the alarm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the alarm with a note</source>
        <translation>Close the alarm with a note</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the site&apos;s details</source>
        <translation>Show the site&apos;s details</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All counties</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All site kinds</source>
        <translation>All site kinds</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All rules</source>
        <translation>All rules</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not closed</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All levels</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Silenced until %1</source>
        <translation>Silenced until %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 %2: sending</source>
        <translation>%1 %2: sending</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2: accepted</source>
        <translation>%1 %2: accepted</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2: refused: %3</source>
        <translation>%1 %2: refused: %3</translation>
    </message>
</context>
<context>
    <name>JhAlarmTableModel</name>
    <message>
        <location filename="../modules/ui/jhalarmtablemodel.cpp" line="+56"/>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident: %1</source>
        <translation>Incident: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>County</source>
        <translation>County</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>Command</translation>
    </message>
</context>
<context>
    <name>JhBasemapProject</name>
    <message>
        <location filename="../modules/map/jhbasemapproject.cpp" line="+72"/>
        <source>The basemap (maps/nantong.qgs) was not found; searched: %1. Set JH_MAPS_DIR to the maps folder.</source>
        <translation>The basemap (maps/nantong.qgs) was not found; searched: %1. Set JH_MAPS_DIR to the maps folder.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read the basemap project %1: %2</source>
        <translation>Cannot read the basemap project %1: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Some basemap layers could not be loaded: %1</source>
        <translation>Some basemap layers could not be loaded: %1</translation>
    </message>
</context>
<context>
    <name>JhCentralConnector</name>
    <message>
        <location filename="../modules/ui/jhcentralconnector.cpp" line="+37"/>
        <source>No central service configured (--url or JH_CENTRAL_URL)</source>
        <translation>No central service configured (--url or JH_CENTRAL_URL)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No token for %1 (--token or JH_CENTRAL_TOKEN)</source>
        <translation>No token for %1 (--token or JH_CENTRAL_TOKEN)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Login cancelled</source>
        <translation>Login cancelled</translation>
    </message>
</context>
<context>
    <name>JhConnectionIndicator</name>
    <message>
        <location filename="../modules/ui/jhconnectionindicator.cpp" line="+31"/>
        <source>Commands waiting to be confirmed by the central service; click to see each and its result</source>
        <translation>Commands waiting to be confirmed by the central service; click to see each and its result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beijing time (UTC+8)</source>
        <translation>Beijing time (UTC+8)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Beijing %1</source>
        <translation>Beijing %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+29"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline since %1</source>
        <translation>Offline since %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused by the central service</source>
        <translation>Refused by the central service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Next attempt in %1 s</source>
        <translation>Next attempt in %1 s</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Logged in as %1</source>
        <translation>Logged in as %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outbox %1</source>
        <translation>Outbox %1</translation>
    </message>
</context>
<context>
    <name>JhDispatchPanels</name>
    <message>
        <location filename="../modules/ui/jhdispatchpanels.cpp" line="+16"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tasks</source>
        <translation>Tasks</translation>
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
    <name>JhFactorChartView</name>
    <message>
        <location filename="../modules/ui/jhfactorchartview.cpp" line="+173"/>
        <source>Flagged values</source>
        <translation>Flagged values</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Measured</source>
        <translation>Measured</translation>
    </message>
</context>
<context>
    <name>JhIncidentDialog</name>
    <message>
        <location filename="../modules/ui/jhincidentdialog.cpp" line="+24"/>
        <source>New environmental incident</source>
        <translation>New environmental incident</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Update incident</source>
        <translation>Update incident</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+79"/>
        <source>Close incident</source>
        <translation>Close incident</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>Incident level</source>
        <translation>Incident level</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>(not set)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>County</source>
        <translation>County</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What happened and how it was handled</source>
        <translation>What happened and how it was handled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>Update</translation>
    </message>
</context>
<context>
    <name>JhIncidentPanel</name>
    <message>
        <location filename="../modules/ui/jhincidentpanel.cpp" line="+59"/>
        <source>New incident</source>
        <translation>New incident</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a new environmental incident</source>
        <translation>Open a new environmental incident</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change the incident&apos;s level or status</source>
        <translation>Change the incident&apos;s level or status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close incident</source>
        <translation>Close incident</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the incident with a summary (not while tasks are open)</source>
        <translation>Close the incident with a summary (not while tasks are open)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show closed</source>
        <translation>Show closed</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Select an incident to see its timeline</source>
        <translation>Select an incident to see its timeline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline of %1 %2</source>
        <translation>Timeline of %1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incident opened: %1, %2</source>
        <translation>Incident opened: %1, %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Linked alarm %1</source>
        <translation>Linked alarm %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alarm %1 at %2: %3</source>
        <translation>Alarm %1 at %2: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alarm %1 escalated to the incident</source>
        <translation>Alarm %1 escalated to the incident</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>level %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>status %1</source>
        <translation>status %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alarms linked: %1</source>
        <translation>alarms linked: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>details</source>
        <translation>details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated: %1</source>
        <translation>Updated: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Task %1 assigned to %2: %3</source>
        <translation>Task %1 assigned to %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task %1: %2</source>
        <translation>Task %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Incident closed</source>
        <translation>Incident closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident closed: %1</source>
        <translation>Incident closed: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 %2: sending</source>
        <translation>%1 %2: sending</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2: accepted</source>
        <translation>%1 %2: accepted</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2: refused: %3</source>
        <translation>%1 %2: refused: %3</translation>
    </message>
</context>
<context>
    <name>JhIncidentTableModel</name>
    <message>
        <location filename="../modules/ui/jhincidenttablemodel.cpp" line="+117"/>
        <source>Location: %1</source>
        <translation>Location: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Summary: %1</source>
        <translation>Summary: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident level</source>
        <translation>Incident level</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>County</source>
        <translation>County</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened at</source>
        <translation>Opened at</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open tasks</source>
        <translation>Open tasks</translation>
    </message>
</context>
<context>
    <name>JhInventoryCommandDialog</name>
    <message>
        <location filename="../modules/ui/jhinventorycommanddialog.cpp" line="+21"/>
        <source>Adjust stock</source>
        <translation>Adjust stock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reserve for an incident</source>
        <translation>Reserve for an incident</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Release a reservation</source>
        <translation>Release a reservation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Change (+ in, − out)</source>
        <translation>Change (+ in, − out)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stocktake, delivery, expired …</source>
        <translation>Stocktake, delivery, expired …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At most %1 %2</source>
        <translation>At most %1 %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+11"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>JhInventoryTableModel</name>
    <message>
        <location filename="../modules/ui/jhinventorytablemodel.cpp" line="+67"/>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Adjusted %1</source>
        <translation>Adjusted %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reserved %1</source>
        <translation>Reserved %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Released %1</source>
        <translation>Released %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dispatched %1</source>
        <translation>Dispatched %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 by %3</source>
        <translation>%1 %2 by %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing reserved</source>
        <translation>Nothing reserved</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(before per-incident reservations)</source>
        <translation>(before per-incident reservations)</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+94"/>
        <source>Low stock</source>
        <translation>Low stock</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Incident: %1</source>
        <translation>Incident: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Available %1 %2 is below the minimum stock of %3 %2</source>
        <translation>Available %1 %2 is below the minimum stock of %3 %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Depot</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>County</source>
        <translation>County</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minimum stock</source>
        <translation>Minimum stock</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last change</source>
        <translation>Last change</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>Low stock %1 · lines %2</source>
        <translation>Low stock %1 · lines %2</translation>
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
    <name>JhLivePanels</name>
    <message>
        <location filename="../modules/ui/jhlivepanels.cpp" line="+23"/>
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Station detail</source>
        <translation>Station detail</translation>
    </message>
</context>
<context>
    <name>JhLoginDialog</name>
    <message>
        <location filename="../modules/ui/jhlogindialog.cpp" line="+15"/>
        <source>Connect to the central service</source>
        <translation>Connect to the central service</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The token your administrator issued with `jianghai-central user add`</source>
        <translation>The token your administrator issued with `jianghai-central user add`</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember on this computer (token in the system keyring)</source>
        <translation>Remember on this computer (token in the system keyring)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The workstation needs the address of the central service and your token.</source>
        <translation>The workstation needs the address of the central service and your token.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central service</source>
        <translation>Central service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
</context>
<context>
    <name>JhMainWindow</name>
    <message>
        <location filename="../modules/ui/jhmainwindow.cpp" line="+56"/>
        <source>Jianghai Command - ecological environment command workstation</source>
        <translation>Jianghai Command - ecological environment command workstation</translation>
    </message>
    <message>
        <location line="+57"/>
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
        <location line="+227"/>
        <source>Zoom to whole Nantong</source>
        <translation>Zoom to whole Nantong</translation>
    </message>
    <message>
        <location line="-223"/>
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
        <location line="+131"/>
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
        <location line="+44"/>
        <source>The language changes to %1 when the workstation is restarted.</source>
        <translation>The language changes to %1 when the workstation is restarted.</translation>
    </message>
    <message>
        <location line="+19"/>
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
    <name>JhOfflineBanner</name>
    <message>
        <location filename="../modules/ui/jhofflinebanner.cpp" line="+41"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Syncing with the central service …</source>
        <translation>Syncing with the central service …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not yet synced: the map shows the state of %1 (cached)</source>
        <translation>Not yet synced: the map shows the state of %1 (cached)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the map shows the state of %1 (cached)</source>
        <translation>the map shows the state of %1 (cached)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no cached state yet</source>
        <translation>no cached state yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused by the central service: %1 — %2</source>
        <translation>Refused by the central service: %1 — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline since %1: %2 — %3</source>
        <translation>Offline since %1: %2 — %3</translation>
    </message>
</context>
<context>
    <name>JhOutboxDialog</name>
    <message>
        <location filename="../modules/ui/jhoutboxdialog.cpp" line="+15"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
</context>
<context>
    <name>JhOutboxModel</name>
    <message>
        <location filename="../modules/ui/jhoutboxmodel.cpp" line="+77"/>
        <source>Waiting for central</source>
        <translation>Waiting for central</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sent %1 times</source>
        <translation>sent %1 times</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>JhResourcePanel</name>
    <message>
        <location filename="../modules/ui/jhresourcepanel.cpp" line="+43"/>
        <source>Search depot or item</source>
        <translation>Search depot or item</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Depot</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low stock only</source>
        <translation>Low stock only</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Adjust stock</source>
        <translation>Adjust stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book stock in or out with a reason</source>
        <translation>Book stock in or out with a reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserve</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reserve stock for an open incident</source>
        <translation>Reserve stock for an open incident</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Release an incident&apos;s reservation</source>
        <translation>Release an incident&apos;s reservation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatch stock to an incident or a task</source>
        <translation>Dispatch stock to an incident or a task</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>All depots</source>
        <translation>All depots</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 %2: sending</source>
        <translation>%1 %2: sending</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 %2: accepted</source>
        <translation>%1 %2: accepted</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2: refused: %3</source>
        <translation>%1 %2: refused: %3</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 (reserved %2 %3)</source>
        <translation>%1 (reserved %2 %3)</translation>
    </message>
</context>
<context>
    <name>JhResourcePanels</name>
    <message>
        <location filename="../modules/ui/jhresourcepanels.cpp" line="+16"/>
        <source>Emergency resources</source>
        <translation>Emergency resources</translation>
    </message>
</context>
<context>
    <name>JhSiteDetailPanel</name>
    <message>
        <location filename="../modules/ui/jhsitedetailpanel.cpp" line="+75"/>
        <source>No site selected: choose an alarm, a map feature or search (Ctrl+F).</source>
        <translation>No site selected: choose an alarm, a map feature or search (Ctrl+F).</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Latest values</source>
        <translation>Latest values</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data flag</source>
        <translation>Data flag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data time</source>
        <translation>Data time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alarms of the site</source>
        <translation>Alarms of the site</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hourly values</source>
        <translation>Hourly values</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minute values</source>
        <translation>Minute values</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask central for the series again</source>
        <translation>Ask central for the series again</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Site %1 is not known.</source>
        <translation>Site %1 is not known.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>County</source>
        <translation>County</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MN</source>
        <translation>MN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station code</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target class</source>
        <translation>Target class</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noise zone</source>
        <translation>Noise zone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zone %1 (GB 3096-2008)</source>
        <translation>Zone %1 (GB 3096-2008)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Permitted limits</source>
        <translation>Permitted limits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (approximate)</source>
        <translation> (approximate)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No live status for this site yet.</source>
        <translation>No live status for this site yet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · last data %1 (age %2)</source>
        <translation> · last data %1 (age %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · offline since %1</source>
        <translation> · offline since %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 alarm(s) not closed, worst %2</source>
        <translation> · %1 alarm(s) not closed, worst %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>primary pollutant %1</source>
        <translation>primary pollutant %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IAQI: %1</source>
        <translation>IAQI: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (incomplete hour)</source>
        <translation> (incomplete hour)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Water class %1, target %2: %3</source>
        <translation>Water class %1, target %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>meets the target</source>
        <translation>meets the target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>worse than the target</source>
        <translation>worse than the target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAeq %1 dB(A), %2 limit %3 dB(A)%4</source>
        <translation>LAeq %1 dB(A), %2 limit %3 dB(A)%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>night</source>
        <translation>night</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>: exceeded</source>
        <translation>: exceeded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 of permitted %3 (%4×)</source>
        <translation>%1 %2 of permitted %3 (%4×)</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>The site reports no factors.</source>
        <translation>The site reports no factors.</translation>
    </message>
    <message>
        <location line="-198"/>
        <location line="+211"/>
        <source>Loading the last 24 hours…</source>
        <translation>Loading the last 24 hours…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The series could not be loaded: %1</source>
        <translation>The series could not be loaded: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From the cache (%1)</source>
        <translation>From the cache (%1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2 stored values shown as minimum and maximum per %3 min</source>
        <translation>%1: %2 stored values shown as minimum and maximum per %3 min</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n factor(s) without data in the last 24 hours</source>
        <translation>
            <numerusform>%n factor without data in the last 24 hours</numerusform>
            <numerusform>%n factors without data in the last 24 hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JhSiteSearchBox</name>
    <message>
        <location filename="../modules/ui/jhsitesearchbox.cpp" line="+17"/>
        <source>Search site: name, MN, code, county (Ctrl+F)</source>
        <translation>Search site: name, MN, code, county (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a site by name, MN, station code or county (Ctrl+F)</source>
        <translation>Find a site by name, MN, station code or county (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>JhSituationMapExportTask</name>
    <message>
        <location filename="../modules/map/jhsituationmapexporttask.cpp" line="+11"/>
        <source>Export situation map</source>
        <translation>Export situation map</translation>
    </message>
</context>
<context>
    <name>JhSituationMapExporter</name>
    <message>
        <location filename="../modules/map/jhsituationmapexporter.cpp" line="+158"/>
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
        <location line="+109"/>
        <source>Cannot write the output file %1</source>
        <translation>Cannot write the output file %1</translation>
    </message>
    <message>
        <location line="-93"/>
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
        <location line="+10"/>
        <location line="+40"/>
        <location filename="../modules/map/jhsituationmapexporttask.cpp" line="+43"/>
        <location line="+17"/>
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
    <name>JhTaskDialog</name>
    <message>
        <location filename="../modules/ui/jhtaskdialog.cpp" line="+20"/>
        <source>Assign task</source>
        <translation>Assign task</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>En route</source>
        <translation>En route</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On site</source>
        <translation>On site</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel task</source>
        <translation>Cancel task</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Instructions: %1</source>
        <translation>Instructions: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>JhTaskPanel</name>
    <message>
        <location filename="../modules/ui/jhtaskpanel.cpp" line="+40"/>
        <source>All incidents</source>
        <translation>All incidents</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only my team</source>
        <translation>Only my team</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Tasks of all incidents</source>
        <translation>Tasks of all incidents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tasks of %1 %2</source>
        <translation>Tasks of %1 %2</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1 %2: sending</source>
        <translation>%1 %2: sending</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2: accepted</source>
        <translation>%1 %2: accepted</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2: refused: %3</source>
        <translation>%1 %2: refused: %3</translation>
    </message>
</context>
<context>
    <name>JhTaskTableModel</name>
    <message>
        <location filename="../modules/ui/jhtasktablemodel.cpp" line="+121"/>
        <source>Instructions: %1</source>
        <translation>Instructions: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last report: %1</source>
        <translation>Last report: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled: %1</source>
        <translation>Cancelled: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated at</source>
        <translation>Updated at</translation>
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
        <location line="+4"/>
        <source>Central service URL, ws:// or wss:// (default: JH_CENTRAL_URL, then the settings).</source>
        <translation>Central service URL, ws:// or wss:// (default: JH_CENTRAL_URL, then the settings).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API token (default: JH_CENTRAL_TOKEN, then the keyring).</source>
        <translation>API token (default: JH_CENTRAL_TOKEN, then the keyring).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not connect to a central service (basemap only).</source>
        <translation>Do not connect to a central service (basemap only).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --screenshot: wait at most this many seconds for the first sync.</source>
        <translation>With --screenshot: wait at most this many seconds for the first sync.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Once synced, centre the map on this site and open its details.</source>
        <translation>Once synced, centre the map on this site and open its details.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown language &quot;%1&quot;; use zh_CN or en.</source>
        <translation>Unknown language &quot;%1&quot;; use zh_CN or en.</translation>
    </message>
    <message>
        <location line="+19"/>
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
