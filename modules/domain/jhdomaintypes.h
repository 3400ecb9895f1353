// Enumerations shared by every domain type; their wire codes and Chinese labels live in JhEnumNames.
#pragma once

//! Kind of monitored site (air station network, water, noise, marine, pollution source).
enum class JhSiteKind
{
    AirNational,
    AirProvincial,
    AirTownship,
    AirPark,
    AirPort,
    AirSuper,
    AirRoadside,
    SurfaceWater,
    DrinkingWater,
    Noise,
    Marine,
    PollutionSource
};

//! Whether a surface-water station samples a river or a lake (GB 3838 has extra lake limits).
enum class JhWaterBodyType
{
    None,
    River,
    Lake
};

//! HJ 212 edition spoken by a site's data logger.
enum class JhHj212Version
{
    V2017,
    V2005
};

//! Interval an observation aggregates: HJ 212 CN 2011 / 2051 / 2061 / 2031.
enum class JhIntervalKind
{
    Realtime,
    Minute,
    Hour,
    Day
};

//! Live state of a site (JhSiteStatus): derived by central from the newest data and the offline rule.
//! EquipmentStopped is reserved: it needs the running status (HJ 212 CN 2021/2081), which central does not
//! store yet, so it is never derived for now.
enum class JhSiteState
{
    Online,
    Offline,
    Fault,       //!< newest data flagged D
    Maintenance, //!< newest data flagged M
    Calibration, //!< newest data flagged C
    EquipmentStopped,
    NeverReported
};

enum class JhAlarmLevel
{
    Notice,
    Warning,
    Serious
};

//! Alarm lifecycle: open -> acknowledged -> escalated -> closed (closed is final).
enum class JhAlarmState
{
    Open,
    Acknowledged,
    Escalated,
    Closed
};

enum class JhIncidentType
{
    WaterPollution,
    AirPollution,
    ChemicalLeak,
    OilSpill,
    MarinePollution,
    Other
};

//! National emergency levels: I 特别重大, II 重大, III 较大, IV 一般.
enum class JhIncidentLevel
{
    I,
    II,
    III,
    IV
};

enum class JhIncidentStatus
{
    Open,
    Responding,
    Closed
};

//! Task lifecycle: assigned -> accepted -> en route -> on site -> completed; cancelled from any open state.
enum class JhTaskState
{
    Assigned,
    Accepted,
    EnRoute,
    OnSite,
    Completed,
    Cancelled
};

enum class JhTeamStatus
{
    Available,
    Busy,
    OffDuty
};

enum class JhItemCategory
{
    Material,
    Equipment
};

enum class JhRole
{
    DutyOfficer,
    EmergencyCoordinator,
    CountyTeam,
    Viewer
};

enum class JhCommandType
{
    AcknowledgeAlarm,
    EscalateAlarm,
    CloseAlarm,
    CreateIncident,
    UpdateIncident,
    CloseIncident,
    AssignTask,
    AcceptTask,
    UpdateTask,
    CompleteTask,
    CancelTask,
    AdjustInventory,
    ReserveInventory,
    ReleaseInventory,
    DispatchInventory,
    SetTeamStatus
};

enum class JhEventType
{
    AlarmOpened,
    AlarmAcknowledged,
    AlarmEscalated,
    AlarmClosed,
    AlarmLevelRaised,
    IncidentCreated,
    IncidentUpdated,
    IncidentClosed,
    TaskAssigned,
    TaskAccepted,
    TaskUpdated,
    TaskCompleted,
    TaskCancelled,
    InventoryAdjusted,
    InventoryReserved,
    InventoryReleased,
    InventoryDispatched,
    TeamStatusChanged
};
