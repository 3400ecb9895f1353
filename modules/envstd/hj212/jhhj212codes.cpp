// The HJ 212 code tables. Sources: HJ 212-2017 Tables 4-9 and Appendix B; the HJ/T 212-2005 flags and
// commands are secondary (implementations and 2005-era captures, see docs/hj212-codec.md).
#include "jhhj212codes.h"

#include <QtGlobal>

#include <algorithm>
#include <iterator>
#include <vector>

namespace {

using Codes = JhHj212Codes;
using Kind = JhHj212Codes::ValueKind;

// Table 5 (p.12).
const Codes::System SYSTEMS[] = {
    {"21", "地表水质量监测", "surface water quality monitoring"},
    {"22", "空气质量监测", "air quality monitoring"},
    {"23", "声环境质量监测", "acoustic environment quality monitoring"},
    {"24", "地下水质量监测", "groundwater quality monitoring"},
    {"25", "土壤质量监测", "soil quality monitoring"},
    {"26", "海水质量监测", "seawater quality monitoring"},
    {"27", "挥发性有机物监测", "volatile organic compounds monitoring"},
    {"31", "大气环境污染源", "air pollution source"},
    {"32", "地表水体环境污染源", "surface water pollution source"},
    {"33", "地下水体环境污染源", "groundwater pollution source"},
    {"34", "海洋环境污染源", "marine pollution source"},
    {"35", "土壤环境污染源", "soil pollution source"},
    {"36", "声环境污染源", "noise pollution source"},
    {"37", "振动环境污染源", "vibration pollution source"},
    {"38", "放射性环境污染源", "radioactive pollution source"},
    {"39", "工地扬尘污染源", "construction dust source"},
    {"41", "电磁环境污染源", "electromagnetic pollution source"},
    {"51", "烟气排放过程监控", "flue gas emission process monitoring"},
    {"52", "污水排放过程监控", "wastewater discharge process monitoring"},
    {"91", "系统交互", "system interaction (logger <-> host)"},
};

#define H2F "host->field"
#define F2H "field->host"
#define BOTH "both"

// Table 9 (p.14-16), then HJ/T 212-2005-only commands, then vendor commands seen in real traffic.
const Codes::Command COMMANDS[] = {
    {1000, "设置超时时间及重发次数", "set timeout and retry count", H2F, Codes::Origin::Standard2017},
    {1011, "提取/上传现场机时间", "get / upload field unit time", BOTH, Codes::Origin::Standard2017},
    {1012, "设置现场机时间", "set field unit time", H2F, Codes::Origin::Standard2017},
    {1013, "现场机时间校准请求", "field unit asks for time calibration", F2H, Codes::Origin::Standard2017},
    {1061, "提取/上传实时数据间隔", "get / upload real-time data interval", BOTH,
     Codes::Origin::Standard2017},
    {1062, "设置实时数据间隔", "set real-time data interval", H2F, Codes::Origin::Standard2017},
    {1063, "提取/上传分钟数据间隔", "get / upload minute data interval", BOTH, Codes::Origin::Standard2017},
    {1064, "设置分钟数据间隔", "set minute data interval", H2F, Codes::Origin::Standard2017},
    {1072, "设置现场机访问密码", "set access password", H2F, Codes::Origin::Standard2017},
    {2011, "实时数据", "pollutant real-time data", BOTH, Codes::Origin::Standard2017},
    {2012, "停止察看实时数据", "stop real-time data", H2F, Codes::Origin::Standard2017},
    {2021, "设备运行状态", "equipment running status", BOTH, Codes::Origin::Standard2017},
    {2022, "停止察看设备运行状态", "stop equipment running status", H2F, Codes::Origin::Standard2017},
    {2031, "日历史数据", "daily history data", BOTH, Codes::Origin::Standard2017},
    {2041, "设备运行时间日历史数据", "equipment running time, daily history", BOTH,
     Codes::Origin::Standard2017},
    {2051, "分钟数据", "minute data", BOTH, Codes::Origin::Standard2017},
    {2061, "小时数据", "hourly data", BOTH, Codes::Origin::Standard2017},
    {2081, "数采仪开机时间", "data logger power-on time", F2H, Codes::Origin::Standard2017},
    {3011, "零点校准量程校准", "zero / span calibration", H2F, Codes::Origin::Standard2017},
    {3012, "即时采样", "immediate sampling", H2F, Codes::Origin::Standard2017},
    {3013, "启动清洗/反吹", "cleaning / blow-back", H2F, Codes::Origin::Standard2017},
    {3014, "比对采样", "comparison sampling", H2F, Codes::Origin::Standard2017},
    {3015, "超标留样", "over-limit sample retention", BOTH, Codes::Origin::Standard2017},
    {3016, "设置采样时间周期", "set sampling period", H2F, Codes::Origin::Standard2017},
    {3017, "提取采样时间周期", "get sampling period", BOTH, Codes::Origin::Standard2017},
    {3018, "提取出样时间", "get sample output time", BOTH, Codes::Origin::Standard2017},
    {3019, "提取设备唯一标识", "get instrument unique ID", BOTH, Codes::Origin::Standard2017},
    {3020, "提取现场机信息", "get field unit information", BOTH, Codes::Origin::Standard2017},
    {3021, "设置现场机参数", "set field unit parameters", H2F, Codes::Origin::Standard2017},
    {9011, "请求应答", "request reply (QnRtn)", F2H, Codes::Origin::Standard2017},
    {9012, "执行结果", "execution result (ExeRtn)", F2H, Codes::Origin::Standard2017},
    {9013, "通知应答", "notification reply", BOTH, Codes::Origin::Standard2017},
    {9014, "数据应答", "data reply", BOTH, Codes::Origin::Standard2017},
    {1001, "设置持续超限报警时间", "set sustained over-limit alarm time (2005)", H2F,
     Codes::Origin::Standard2005},
    {1021, "提取污染物报警门限值", "get pollutant alarm limits (2005)", BOTH, Codes::Origin::Standard2005},
    {1022, "设置污染物报警门限值", "set pollutant alarm limits (2005)", H2F, Codes::Origin::Standard2005},
    {1031, "提取上位机地址", "get host address (2005)", BOTH, Codes::Origin::Standard2005},
    {1032, "设置上位机地址", "set host address (2005)", H2F, Codes::Origin::Standard2005},
    {1041, "提取数据上报时间", "get daily report time (2005)", BOTH, Codes::Origin::Standard2005},
    {1042, "设置数据上报时间", "set daily report time (2005)", H2F, Codes::Origin::Standard2005},
    {2071, "报警记录", "alarm records (2005)", BOTH, Codes::Origin::Standard2005},
    {2072, "上传报警事件", "alarm event upload (2005)", F2H, Codes::Origin::Standard2005},
    {2073, "厂商扩展：电源运行状态", "vendor: power running state (POW-RT)", F2H, Codes::Origin::Vendor},
    {8013, "厂商扩展：心跳", "vendor: heartbeat (HeartbeatTime)", F2H, Codes::Origin::Vendor},
    {9015, "厂商扩展：心跳/通讯状态", "vendor: heartbeat / link state (CON-RT)", F2H, Codes::Origin::Vendor},
};

// Table 8 (2017) and the HJ/T 212-2005 set (secondary sources agree).
const Codes::DataFlag DATA_FLAGS[] = {
    {'N', "在线监控（监测）仪器仪表工作正常", "normal", true, true},
    {'F', "在线监控（监测）仪器仪表停运", "instrument stopped", true, false},
    {'M', "在线监控（监测）仪器仪表处于维护期间产生的数据", "maintenance", true, true},
    {'S', "手工输入的设定值", "manually entered set value", true, true},
    {'D', "在线监控（监测）仪器仪表故障", "instrument fault", true, true},
    {'C', "在线监控（监测）仪器仪表处于校准状态", "calibrating", true, true},
    {'T', "在线监控（监测）仪器仪表采样数值超过测量上限", "above measurement upper limit", true, true},
    {'B', "在线监控（监测）仪器仪表与数采仪通讯异常", "instrument-logger communication abnormal", true,
     false},
    {'P', "电源故障", "power failure (2005)", false, true},
    {'F', "排放源停运", "source stopped (2005)", false, true},
    {'0', "校准数据", "calibration data (2005 air station)", false, true},
    {'1', "气象参数", "meteorological parameter (2005 air station)", false, true},
    {'2', "异常数据", "abnormal data (2005 air station)", false, true},
    {'3', "正常数据", "normal data (2005 air station)", false, true},
};

// Appendix B Tables B.1 (water) and B.2 (air) as printed, plus O3 (a05024, not in B.2 but used by every
// air station; HJ 524-2009), Table B.3 (noise) and the Table B.10 device information codes.
// Units are the standard's defaults; the PM/TSP "ng/m³" is printed so (stations report µg/m³):
// a station's configured unit wins.
const Codes::Pollutant POLLUTANTS[] = {
    {"w00000", "B01", "污水", "wastewater flow", "L/s", "N5.2", JhHj212Codes::Water},
    {"w01001", "001", "pH 值", "pH", "", "N2.2", JhHj212Codes::Water},
    {"w01002", "002", "色度", "colour", "degree", "N3.2", JhHj212Codes::Water},
    {"w01006", "", "溶解性总固体", "total dissolved solids", "mg/L", "N4", JhHj212Codes::Water},
    {"w01009", "", "溶解氧", "dissolved oxygen", "mg/L", "N3.1", JhHj212Codes::Water},
    {"w01010", "", "水温", "water temperature", "°C", "N3.1", JhHj212Codes::Water},
    {"w01012", "003", "悬浮物", "suspended solids", "mg/L", "N4", JhHj212Codes::Water},
    {"w01014", "", "电导率", "conductivity", "µS/cm", "N3.1", JhHj212Codes::Water},
    {"w01017", "010", "五日生化需氧量", "BOD5", "mg/L", "N5.1", JhHj212Codes::Water},
    {"w01018", "011", "化学需氧量", "COD", "mg/L", "N5.1", JhHj212Codes::Water},
    {"w01019", "", "高锰酸盐指数", "permanganate index (CODMn)", "mg/L", "N3.1", JhHj212Codes::Water},
    {"w01020", "015", "总有机碳", "total organic carbon", "mg/L", "N3.1", JhHj212Codes::Water},
    {"w02003", "550", "粪大肠菌群", "faecal coliforms", "1/L", "N9", JhHj212Codes::Water},
    {"w02006", "", "细菌总数", "total bacteria", "1/L", "N9", JhHj212Codes::Water},
    {"w03001", "570", "总 α 放射性", "gross alpha", "Bq/L", "N3.1", JhHj212Codes::Water},
    {"w03002", "571", "总 β 放射性", "gross beta", "Bq/L", "N3.1", JhHj212Codes::Water},
    {"w19001", "", "表面活性剂", "surfactants", "mg/L", "N3.2", JhHj212Codes::Water},
    {"w19002", "520", "阴离子表面活性剂", "anionic surfactants", "mg/L", "N3.2", JhHj212Codes::Water},
    {"w20012", "039", "钡", "barium", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20023", "037", "硼", "boron", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20038", "040", "钴", "cobalt", "mg/L", "N3.4", JhHj212Codes::Water},
    {"w20061", "038", "钼", "molybdenum", "mg/L", "N3.4", JhHj212Codes::Water},
    {"w20089", "041", "铊", "thallium", "ng/L", "N4", JhHj212Codes::Water},
    {"w20092", "036", "锡", "tin", "mg/L", "N3.1", JhHj212Codes::Water},
    {"w20111", "020", "总汞", "total mercury", "µg/L", "N3.2", JhHj212Codes::Water},
    {"w20113", "021", "烷基汞", "alkyl mercury", "ng/L", "N4", JhHj212Codes::Water},
    {"w20115", "022", "总镉", "total cadmium", "µg/L", "N3.1", JhHj212Codes::Water},
    {"w20116", "023", "总铬", "total chromium", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20117", "024", "六价铬", "hexavalent chromium", "µg/L", "N2.3", JhHj212Codes::Water},
    {"w20119", "026", "总砷", "total arsenic", "µg/L", "N2.3", JhHj212Codes::Water},
    {"w20120", "027", "总铅", "total lead", "µg/L", "N4", JhHj212Codes::Water},
    {"w20121", "028", "总镍", "total nickel", "mg/L", "N3.2", JhHj212Codes::Water},
    {"w20122", "029", "总铜", "total copper", "mg/L", "N3.2", JhHj212Codes::Water},
    {"w20123", "030", "总锌", "total zinc", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20124", "031", "总锰", "total manganese", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20125", "032", "总铁", "total iron", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20126", "033", "总银", "total silver", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20127", "034", "总铍", "total beryllium", "µg/L", "N3.3", JhHj212Codes::Water},
    {"w20128", "035", "总硒", "total selenium", "µg/L", "N4.2", JhHj212Codes::Water},
    {"w20138", "", "铜", "copper", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20139", "", "锌", "zinc", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20140", "", "硒", "selenium", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20141", "", "砷", "arsenic", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w20142", "", "汞", "mercury", "µg/L", "N3.3", JhHj212Codes::Water},
    {"w20143", "", "镉", "cadmium", "µg/L", "N3.3", JhHj212Codes::Water},
    {"w20144", "", "铅", "lead", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w21001", "065", "总氮", "total nitrogen", "mg/L", "N4.2", JhHj212Codes::Water},
    {"w21003", "060", "氨氮", "ammonia nitrogen", "mg/L", "N4.2", JhHj212Codes::Water},
    {"w21004", "062", "凯氏氮", "Kjeldahl nitrogen", "mg/L", "N3.1", JhHj212Codes::Water},
    {"w21006", "063", "亚硝酸盐", "nitrite", "mg/L", "N2.3", JhHj212Codes::Water},
    {"w21007", "064", "硝酸盐", "nitrate", "mg/L", "N2.3", JhHj212Codes::Water},
    {"w21011", "101", "总磷", "total phosphorus", "mg/L", "N3.2", JhHj212Codes::Water},
    {"w21016", "070", "氰化物", "cyanide", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w21017", "072", "氟化物", "fluoride", "mg/L", "N4.2", JhHj212Codes::Water},
    {"w21019", "071", "硫化物", "sulphide", "mg/L", "N3.3", JhHj212Codes::Water},
    {"w21022", "090", "氯化物", "chloride", "mg/L", "N3.1", JhHj212Codes::Water},
    {"w21038", "", "硫酸盐", "sulphate", "mg/L", "N6", JhHj212Codes::Water},
    {"w22001", "080", "石油类", "petroleum oils", "mg/L", "N3.2", JhHj212Codes::Water},
    {"w23002", "110", "挥发酚", "volatile phenols", "mg/L", "N3.4", JhHj212Codes::Water},
    {"w25043", "540", "苯并[α]芘", "benzo[a]pyrene", "µg/L", "N3.1", JhHj212Codes::Water},
    {"w33001", "350", "六六六", "HCH (666)", "ng/L", "N4", JhHj212Codes::Water},
    {"w33007", "351", "滴滴涕", "DDT", "ng/L", "N4", JhHj212Codes::Water},
    {"w99001", "061", "有机氮", "organic nitrogen", "mg/L", "N3.1", JhHj212Codes::Water},
    {"a00000", "B02", "废气", "flue gas flow", "m³/s", "N6.1", JhHj212Codes::Air},
    {"a01001", "", "温度", "temperature", "°C", "N3.1", JhHj212Codes::Air},
    {"a01002", "", "湿度", "humidity", "%", "N3.1", JhHj212Codes::Air},
    {"a01006", "", "气压", "air pressure", "kPa", "N5.3", JhHj212Codes::Air},
    {"a01007", "", "风速", "wind speed", "m/s", "N4.1", JhHj212Codes::Air},
    {"a01008", "", "风向", "wind direction", "°", "N4", JhHj212Codes::Air},
    {"a01010", "37", "林格曼黑度", "Ringelmann blackness", "", "N1", JhHj212Codes::Air},
    {"a01011", "S02", "烟气流速", "flue gas velocity", "m/s", "N5.2", JhHj212Codes::Air},
    {"a01012", "S03", "烟气温度", "flue gas temperature", "°C", "N3.1", JhHj212Codes::Air},
    {"a01013", "S08", "烟气压力", "flue gas pressure", "kPa", "N5.3", JhHj212Codes::Air},
    {"a01014", "S05", "烟气湿度", "flue gas humidity", "%", "N3.1", JhHj212Codes::Air},
    {"a01015", "S06", "制冷温度", "chiller temperature", "°C", "N3.1", JhHj212Codes::Air},
    {"a01016", "S07", "烟道截面积", "flue cross-section area", "m²", "N4.2", JhHj212Codes::Air},
    {"a01017", "S04", "烟气动压", "flue gas dynamic pressure", "kPa", "N5.3", JhHj212Codes::Air},
    {"a01901", "", "垃圾焚烧炉膛内焚烧平均温度", "incinerator furnace mean temperature", "°C", "N4.1",
     JhHj212Codes::Air},
    {"a01902", "", "垃圾焚烧炉膛内DCS温度", "incinerator furnace DCS temperature", "°C", "N4.1",
     JhHj212Codes::Air},
    {"a05001", "30", "二氧化碳", "carbon dioxide", "mg/m³", "N3.3", JhHj212Codes::Air},
    {"a05002", "", "甲烷", "methane", "ng/m³", "N4.1", JhHj212Codes::Air},
    {"a05008", "", "三氯一氟甲烷", "trichlorofluoromethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a05009", "", "二氯二氟甲烷", "dichlorodifluoromethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a05013", "", "三氯三氟乙烷", "trichlorotrifluoroethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a19001", "S01", "氧气含量", "oxygen", "%", "N3.1", JhHj212Codes::Air},
    {"a20007", "", "砷", "arsenic", "ng/m³", "N1.6", JhHj212Codes::Air},
    {"a20016", "36", "铍及其化合物", "beryllium and compounds", "mg/m³", "N4.4", JhHj212Codes::Air},
    {"a20025", "33", "镉及其化合物", "cadmium and compounds", "mg/m³", "N3.4", JhHj212Codes::Air},
    {"a20026", "", "镉", "cadmium", "ng/m³", "N3.3", JhHj212Codes::Air},
    {"a20043", "32", "铅及其化合物", "lead and compounds", "mg/m³", "N2.4", JhHj212Codes::Air},
    {"a20044", "", "铅", "lead", "ng/m³", "N3.3", JhHj212Codes::Air},
    {"a20057", "31", "汞及其化合物", "mercury and compounds", "mg/m³", "N4.4", JhHj212Codes::Air},
    {"a20058", "", "汞", "mercury", "ng/m³", "N3.2", JhHj212Codes::Air},
    {"a20063", "35", "镍及其化合物", "nickel and compounds", "mg/m³", "N3.3", JhHj212Codes::Air},
    {"a20091", "34", "锡及其化合物", "tin and compounds", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a21001", "10", "氨（氨气）", "ammonia", "ng/m³", "N4.3", JhHj212Codes::Air},
    {"a21002", "03", "氮氧化物", "nitrogen oxides (NOx)", "mg/m³", "N5.1", JhHj212Codes::Air},
    {"a21003", "", "一氧化氮", "nitric oxide (NO)", "mg/m³", "N4.1", JhHj212Codes::Air},
    {"a21004", "", "二氧化氮", "nitrogen dioxide (NO2)", "mg/m³", "N4.1", JhHj212Codes::Air},
    {"a21005", "04", "一氧化碳", "carbon monoxide (CO)", "mg/m³", "N3.3", JhHj212Codes::Air},
    {"a21017", "07", "氰化物", "cyanide", "mg/m³", "N3.3", JhHj212Codes::Air},
    {"a21018", "06", "氟化物", "fluoride", "mg/m³", "N2.3", JhHj212Codes::Air},
    {"a21022", "11", "氯气", "chlorine", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a21024", "08", "氯化氢", "hydrogen chloride", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a21026", "02", "二氧化硫", "sulphur dioxide (SO2)", "mg/m³", "N5.2", JhHj212Codes::Air},
    {"a21028", "05", "硫化氢", "hydrogen sulphide", "mg/m³", "N3.2", JhHj212Codes::Air},
    {"a23001", "27", "酚类", "phenols", "mg/m³", "N3.3", JhHj212Codes::Air},
    {"a24003", "", "二氯甲烷", "dichloromethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24004", "", "三氯甲烷", "trichloromethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24005", "", "四氯甲烷", "tetrachloromethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24006", "", "二溴一氯甲烷", "dibromochloromethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24007", "", "一溴二氯甲烷", "bromodichloromethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24008", "", "溴甲烷", "bromomethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24009", "", "三溴甲烷", "tribromomethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24015", "", "氯乙烷", "chloroethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24016", "", "1,1-二氯乙烷", "1,1-dichloroethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24017", "", "1,2-二氯乙烷", "1,2-dichloroethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24018", "", "1,1,1-三氯乙烷", "1,1,1-trichloroethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24019", "", "1,1,2-三氯乙烷", "1,1,2-trichloroethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24020", "", "1,1,2,2-四氯乙烷", "1,1,2,2-tetrachloroethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24027", "", "1,2-二氯丙烷", "1,2-dichloropropane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24034", "", "1,2-二溴乙烷", "1,2-dibromoethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24036", "", "环己烷", "cyclohexane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24042", "", "正己烷", "n-hexane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24043", "", "正庚烷", "n-heptane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24046", "29", "氯乙烯", "vinyl chloride", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a24047", "", "1,1-二氯乙烯", "1,1-dichloroethene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24049", "", "三氯乙烯", "trichloroethene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24050", "", "四氯乙烯", "tetrachloroethene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24053", "", "丙烯", "propene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24054", "", "1,3-二氯丙烯", "1,3-dichloropropene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24072", "", "1,4-二恶烷", "1,4-dioxane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24078", "", "1,3-丁二烯", "1,3-butadiene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24087", "25", "碳氢化合物", "hydrocarbons", "mg/m³", "N5.2", JhHj212Codes::Air},
    {"a24088", "", "非甲烷总烃", "non-methane hydrocarbons", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24099", "", "氯甲烷", "chloromethane", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24110", "", "反式-1,2-二氯乙烯", "trans-1,2-dichloroethene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24111", "", "顺式-1,2-二氯乙烯", "cis-1,2-dichloroethene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24112", "", "反式-1,3-二氯丙烯", "trans-1,3-dichloropropene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a24113", "", "六氯-1,3-丁二烯", "hexachloro-1,3-butadiene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25002", "", "苯", "benzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25003", "17", "甲苯", "toluene", "mg/m³", "N4.2", JhHj212Codes::Air},
    {"a25004", "", "乙苯", "ethylbenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25005", "18", "二甲苯", "xylene", "mg/m³", "N4.2", JhHj212Codes::Air},
    {"a25006", "", "1,2-二甲基苯", "1,2-dimethylbenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25007", "", "1,3-二甲基苯", "1,3-dimethylbenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25008", "", "1,4-二甲基苯", "1,4-dimethylbenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25010", "23", "氯苯", "chlorobenzene", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a25011", "", "1,2-二氯苯", "1,2-dichlorobenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25012", "", "1,3-二氯苯", "1,3-dichlorobenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25013", "", "1,4-二氯苯", "1,4-dichlorobenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25014", "", "1-乙基-4-甲基苯", "1-ethyl-4-methylbenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25015", "", "1,2,4-三氯苯", "1,2,4-trichlorobenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25019", "", "1,2,4-三甲基苯", "1,2,4-trimethylbenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25020", "", "1,2,3-三甲基苯", "1,2,3-trimethylbenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25021", "", "1,3,5-三甲基苯", "1,3,5-trimethylbenzene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25023", "22", "硝基苯", "nitrobenzene", "mg/m³", "N3.4", JhHj212Codes::Air},
    {"a25038", "", "乙烯基苯", "styrene", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a25044", "20", "苯并[a]芘", "benzo[a]pyrene", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a25072", "", "四氢呋喃", "tetrahydrofuran", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a26001", "21", "苯胺类", "anilines", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a29017", "", "乙酸乙酯", "ethyl acetate", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a29026", "", "乙酸乙烯酯", "vinyl acetate", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a30001", "28", "甲醇", "methanol", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a30008", "", "异丙醇", "isopropanol", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a30022", "13", "硫醇", "mercaptans", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a31001", "19", "甲醛", "formaldehyde", "mg/m³", "N3.3", JhHj212Codes::Air},
    {"a31002", "26", "乙醛", "acetaldehyde", "mg/m³", "N3.4", JhHj212Codes::Air},
    {"a31024", "", "丙酮", "acetone", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a31025", "", "2-丁酮", "2-butanone", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a31030", "", "甲基异丁基甲酮", "methyl isobutyl ketone", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a34001", "", "总悬浮颗粒物 TSP", "TSP", "ng/m³", "N4.3", JhHj212Codes::Air},
    {"a34002", "", "可吸入颗粒物 PM10", "PM10", "ng/m³", "N3.3", JhHj212Codes::Air},
    {"a34004", "", "细微颗粒物 PM2.5", "PM2.5", "ng/m³", "N3.3", JhHj212Codes::Air},
    {"a34005", "", "亚微米颗粒物 PM1.0", "PM1.0", "ng/m³", "N3.3", JhHj212Codes::Air},
    {"a34011", "", "降尘", "dustfall", "t/(km²·month)", "", JhHj212Codes::Air},
    {"a34013", "01", "烟尘", "smoke dust", "mg/m³", "N4", JhHj212Codes::Air},
    {"a34017", "", "炭黑尘", "carbon black dust", "mg/m³", "N4", JhHj212Codes::Air},
    {"a34038", "09", "沥青烟", "asphalt fume", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a34039", "14", "硫酸雾", "sulphuric acid mist", "mg/m³", "N4.3", JhHj212Codes::Air},
    {"a34040", "15", "铬酸雾", "chromic acid mist", "mg/m³", "N2.3", JhHj212Codes::Air},
    {"a99010", "", "丙烯腈", "acrylonitrile", "mg/m³", "N7.3", JhHj212Codes::Air},
    {"a99049", "24", "光气", "phosgene", "mg/m³", "N3.3", JhHj212Codes::Air},
    {"a99051", "12", "二硫化碳", "carbon disulphide", "mg/m³", "N4.3", JhHj212Codes::Air},

    {"a05024", "", "臭氧", "ozone (O3)", "µg/m³", "N3.3", JhHj212Codes::Air},
    {"LA", "", "A 权声级", "A-weighted sound level", "dB", "N3.1", JhHj212Codes::Noise},
    {"L5", "", "累计百分声级 L5", "percentile level L5", "dB", "N3.1", JhHj212Codes::Noise},
    {"L10", "", "累计百分声级 L10", "percentile level L10", "dB", "N3.1", JhHj212Codes::Noise},
    {"L50", "", "累计百分声级 L50", "percentile level L50", "dB", "N3.1", JhHj212Codes::Noise},
    {"L90", "", "累计百分声级 L90", "percentile level L90", "dB", "N3.1", JhHj212Codes::Noise},
    {"L95", "", "累计百分声级 L95", "percentile level L95", "dB", "N3.1", JhHj212Codes::Noise},
    {"Leq", "", "等效声级", "equivalent level", "dB", "N3.1", JhHj212Codes::Noise},
    {"Ldn", "", "昼夜等效声级", "day-night level", "dB", "N3.1", JhHj212Codes::Noise},
    {"Ld", "", "昼间等效声级", "day level", "dB", "N3.1", JhHj212Codes::Noise},
    {"Ln", "", "夜间等效声级", "night level", "dB", "N3.1", JhHj212Codes::Noise},
    {"LMx", "", "最大的瞬时声级", "maximum instantaneous level", "dB", "N3.1", JhHj212Codes::Noise},
    {"LMn", "", "最小的瞬时声级", "minimum instantaneous level", "dB", "N3.1", JhHj212Codes::Noise},
    {"i11001", "", "在线监控（监测）仪器仪表运行日志", "instrument log", "", "C890", JhHj212Codes::Device},
    {"i12001", "", "工作状态", "instrument work state", "", "N2", JhHj212Codes::Device},
    {"i12002", "", "分析仪与数采仪通讯状态", "analyser-logger communication", "", "N1", JhHj212Codes::Device},
    {"i12003", "", "COD 分析仪报警状态", "COD analyser alarm", "", "N1", JhHj212Codes::Device},
    {"i13001", "", "测量量程", "measuring range", "", "", JhHj212Codes::Device},
    {"i13002", "", "测量精度", "measuring accuracy", "", "", JhHj212Codes::Device},
    {"i13003", "", "测量间隔", "measuring interval", "min", "N4", JhHj212Codes::Device},
    {"i13004", "", "消解温度", "digestion temperature", "°C", "N3.1", JhHj212Codes::Device},
    {"i13005", "", "消解时长", "digestion time", "min", "N2", JhHj212Codes::Device},
    {"i13006", "", "校准时间", "calibration time", "", "", JhHj212Codes::Device},
    {"i13007", "", "截距", "intercept", "", "", JhHj212Codes::Device},
    {"i13008", "", "斜率", "slope", "", "", JhHj212Codes::Device},
    {"i13009", "", "测量检出限", "detection limit", "", "", JhHj212Codes::Device},
    {"i21001", "", "数采仪运行日志", "data logger log", "", "C890", JhHj212Codes::Device},
    {"i22001", "", "数采仪工作状态", "data logger state", "", "N1", JhHj212Codes::Device},
    {"i22003", "", "数采仪与上位机通讯状态", "logger-host communication", "", "N1", JhHj212Codes::Device},
    {"i22101", "", "数采仪通道通讯状态", "logger channel communication", "", "N1", JhHj212Codes::Device},
    {"i31001", "", "辅助设备运行日志", "auxiliary equipment log", "", "C890", JhHj212Codes::Device},
};

// Table 4 suffixes; Ala/UpValue/LowValue are HJ/T 212-2005 alarm fields.
const Codes::Suffix SUFFIXES[] = {
    {"Rtd", Kind::Number, "实时数据", "real-time value"},
    {"Min", Kind::Number, "最小值", "minimum"},
    {"Avg", Kind::Number, "平均值", "average"},
    {"Max", Kind::Number, "最大值", "maximum"},
    {"ZsRtd", Kind::Number, "折算实时数据", "converted real-time value"},
    {"ZsMin", Kind::Number, "折算最小值", "converted minimum"},
    {"ZsAvg", Kind::Number, "折算平均值", "converted average"},
    {"ZsMax", Kind::Number, "折算最大值", "converted maximum"},
    {"Cou", Kind::Number, "累计值", "cumulative value"},
    {"Flag", Kind::DataFlag, "数据标记", "data flag"},
    {"EFlag", Kind::Text, "设备标记", "equipment flag"},
    {"SampleTime", Kind::Time, "采样时间", "sample time"},
    {"Data", Kind::Number, "噪声监测值", "noise value"},
    {"DayData", Kind::Number, "昼间噪声值", "day noise value"},
    {"NightData", Kind::Number, "夜间噪声值", "night noise value"},
    {"RS", Kind::Integer, "设备运行状态", "equipment running state"},
    {"RT", Kind::Number, "设备运行时间（小时）", "equipment running hours"},
    {"Info", Kind::Text, "现场端信息", "field unit information"},
    {"SN", Kind::Text, "设备唯一标识", "instrument unique ID"},
    {"Ala", Kind::Number, "报警值（2005）", "alarm value (2005)"},
    {"UpValue", Kind::Number, "报警上限（2005）", "alarm upper limit (2005)"},
    {"LowValue", Kind::Number, "报警下限（2005）", "alarm lower limit (2005)"},
};

const Codes::PlainField PLAIN_FIELDS[] = {
    {"DataTime", Kind::Time, "数据时间", "data time"},
    {"BeginTime", Kind::Time, "起始时间", "begin time"},
    {"EndTime", Kind::Time, "截止时间", "end time"},
    {"SystemTime", Kind::Time, "系统时间", "system time"},
    {"RestartTime", Kind::Time, "数采仪开机时间", "logger power-on time"},
    {"AlarmTime", Kind::Time, "报警时间（2005）", "alarm time (2005)"},
    {"QnRtn", Kind::Integer, "请求回应代码", "request return code"},
    {"ExeRtn", Kind::Integer, "执行结果回应代码", "execution return code"},
    {"RtdInterval", Kind::Integer, "实时数据间隔（秒）", "real-time data interval (s)"},
    {"MinInterval", Kind::Integer, "分钟数据间隔（分钟）", "minute data interval (min)"},
    {"OverTime", Kind::Integer, "超时时间（秒）", "timeout (s)"},
    {"ReCount", Kind::Integer, "重发次数", "retry count"},
    {"VaseNo", Kind::Integer, "采样瓶编号", "sample bottle number"},
    {"AlarmType", Kind::Integer, "报警类型（2005）", "alarm type (2005)"},
    {"PolId", Kind::Text, "污染因子编码", "factor code"},
    {"InfoId", Kind::Text, "现场端信息编码", "information code"},
    {"NewPW", Kind::Text, "新密码", "new password"},
    {"CstartTime", Kind::Text, "采样起始时间（hhmmss）", "sampling start time (hhmmss)"},
    {"Ctime", Kind::Text, "采样周期（小时）", "sampling period (h)"},
    {"Stime", Kind::Text, "出样时间（分钟）", "sample output time (min)"},
    {"QN", Kind::Text, "请求编码（2005 应答）", "request number (2005 replies)"},
};

// Non-standard factor names (Tianjin-style loggers, §7 item 21); mapped only with the factor-names tolerance.
const Codes::Alias ALIASES[] = {
    {"PM25", "a34004"}, {"PM2.5", "a34004"}, {"PM10", "a34002"}, {"PM1", "a34005"},  {"TSP", "a34001"},
    {"SO2", "a21026"},  {"NO2", "a21004"},   {"NO", "a21003"},   {"NOx", "a21002"},  {"NOX", "a21002"},
    {"CO", "a21005"},   {"O3", "a05024"},    {"CO2", "a05001"},  {"H2S", "a21028"},  {"NH3", "a21001"},
    {"CH4", "a05002"},  {"NMHC", "a24088"},  {"TEM", "a01001"},  {"TEMP", "a01001"}, {"RH", "a01002"},
    {"HUM", "a01002"},  {"PA", "a01006"},    {"WS", "a01007"},   {"WD", "a01008"},   {"O2", "a19001"},
    {"LeqT", "Leq"},    {"Lmax", "LMx"},     {"Lmin", "LMn"},    {"COD", "w01018"},  {"NH3N", "w21003"},
    {"TP", "w21011"},   {"TN", "w21001"},    {"PH", "w01001"},   {"pH", "w01001"},   {"DO", "w01009"},
};

const Codes::ReturnCode EXE_RTN[] = {
    {1, "执行成功", "success"},
    {2, "执行失败，但不知道原因", "failed, reason unknown"},
    {3, "命令请求条件错误", "command condition error"},
    {4, "通讯超时", "communication timeout"},
    {5, "系统繁忙不能执行", "system busy"},
    {6, "系统故障", "system fault"},
    {100, "没有数据", "no data"},
};

const Codes::ReturnCode QN_RTN[] = {
    {1, "准备执行请求", "ready to execute"},
    {2, "请求被拒绝", "rejected"},
    {3, "PW 错误", "PW error"},
    {4, "MN 错误", "MN error"},
    {5, "ST 错误", "ST error"},
    {6, "Flag 错误", "Flag error"},
    {7, "QN 错误", "QN error"},
    {8, "CN 错误", "CN error"},
    {9, "CRC 校验错误", "CRC error"},
    {100, "未知错误", "unknown error"},
};

template <typename Entry, std::size_t N>
const Entry *findByCode(const Entry (&table)[N], int code)
{
    for (const Entry &entry : table) {
        if (entry.code == code)
            return &entry;
    }
    return nullptr;
}

// Lookup by name, built once per table: the parser asks for every field it reads. An open-addressing
// hash table over the names (FNV-1a), sized to stay sparse, so a lookup is a hash and one compare.
quint32 hashName(std::string_view name)
{
    quint32 hash = 2166136261u;
    for (char c : name) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

template <typename Entry>
class NameIndex
{
public:
    template <std::size_t N>
    NameIndex(const Entry (&table)[N], const char *Entry::*key)
    {
        std::size_t size = 16;
        while (size < 4 * N)
            size *= 2;
        mMask = quint32(size - 1);
        mSlots.resize(size);
        for (const Entry &entry : table) {
            const std::string_view name(entry.*key);
            if (name.empty())
                continue;
            quint32 slot = hashName(name) & mMask;
            while (mSlots[slot].entry) {
                if (mSlots[slot].name == name)
                    break; // first entry wins (e.g. a 2005 code listed twice)
                slot = (slot + 1) & mMask;
            }
            if (!mSlots[slot].entry)
                mSlots[slot] = {name, &entry};
        }
    }

    const Entry *find(std::string_view name) const
    {
        quint32 slot = hashName(name) & mMask;
        for (;;) {
            const Slot &candidate = mSlots[slot];
            if (!candidate.entry)
                return nullptr;
            if (candidate.name.size() == name.size() && candidate.name == name)
                return candidate.entry;
            slot = (slot + 1) & mMask;
        }
    }

private:
    struct Slot
    {
        std::string_view name;
        const Entry *entry = nullptr;
    };
    std::vector<Slot> mSlots;
    quint32 mMask = 0;
};

const NameIndex<Codes::Pollutant> &pollutantsByCode()
{
    static const NameIndex<Codes::Pollutant> index(POLLUTANTS, &Codes::Pollutant::code);
    return index;
}

const NameIndex<Codes::Pollutant> &pollutantsByOldCode()
{
    static const NameIndex<Codes::Pollutant> index(POLLUTANTS, &Codes::Pollutant::oldCode);
    return index;
}

} // namespace

const JhHj212Codes::System *JhHj212Codes::system(std::string_view code)
{
    static const NameIndex<System> index(SYSTEMS, &System::code);
    return index.find(code);
}

const JhHj212Codes::Command *JhHj212Codes::command(int code)
{
    return findByCode(COMMANDS, code);
}

const JhHj212Codes::DataFlag *JhHj212Codes::dataFlag(std::string_view flag, bool version2005)
{
    if (flag.size() != 1)
        return nullptr;
    for (const DataFlag &entry : DATA_FLAGS) {
        if (entry.flag == flag[0] && (version2005 ? entry.in2005 : entry.in2017))
            return &entry;
    }
    return nullptr;
}

const JhHj212Codes::Pollutant *JhHj212Codes::pollutant(std::string_view code)
{
    if (const Pollutant *entry = pollutantsByCode().find(code))
        return entry;
    return pollutantFor2005(code);
}

const JhHj212Codes::Pollutant *JhHj212Codes::pollutantFor2005(std::string_view oldCode)
{
    return pollutantsByOldCode().find(oldCode);
}

const JhHj212Codes::Alias *JhHj212Codes::alias(std::string_view name)
{
    static const NameIndex<Alias> index(ALIASES, &Alias::name);
    return index.find(name);
}

const JhHj212Codes::Suffix *JhHj212Codes::suffix(std::string_view name)
{
    static const NameIndex<Suffix> index(SUFFIXES, &Suffix::name);
    return index.find(name);
}

const JhHj212Codes::PlainField *JhHj212Codes::plainField(std::string_view name)
{
    static const NameIndex<PlainField> index(PLAIN_FIELDS, &PlainField::name);
    return index.find(name);
}

const JhHj212Codes::ReturnCode *JhHj212Codes::exeRtn(int code)
{
    return findByCode(EXE_RTN, code);
}

const JhHj212Codes::ReturnCode *JhHj212Codes::qnRtn(int code)
{
    return findByCode(QN_RTN, code);
}

JhHj212Codes::ValueKind JhHj212Codes::valueKind(std::string_view fieldName)
{
    const std::size_t dash = fieldName.rfind('-');
    if (dash == std::string_view::npos) {
        const PlainField *entry = plainField(fieldName);
        return entry ? entry->kind : ValueKind::Text;
    }
    const Suffix *entry = suffix(fieldName.substr(dash + 1));
    return entry ? entry->kind : ValueKind::Text;
}

int JhHj212Codes::systemCount()
{
    return int(std::size(SYSTEMS));
}
const JhHj212Codes::System &JhHj212Codes::systemAt(int index)
{
    return SYSTEMS[index];
}
int JhHj212Codes::commandCount()
{
    return int(std::size(COMMANDS));
}
const JhHj212Codes::Command &JhHj212Codes::commandAt(int index)
{
    return COMMANDS[index];
}
int JhHj212Codes::dataFlagCount()
{
    return int(std::size(DATA_FLAGS));
}
const JhHj212Codes::DataFlag &JhHj212Codes::dataFlagAt(int index)
{
    return DATA_FLAGS[index];
}
int JhHj212Codes::pollutantCount()
{
    return int(std::size(POLLUTANTS));
}
const JhHj212Codes::Pollutant &JhHj212Codes::pollutantAt(int index)
{
    return POLLUTANTS[index];
}
int JhHj212Codes::suffixCount()
{
    return int(std::size(SUFFIXES));
}
const JhHj212Codes::Suffix &JhHj212Codes::suffixAt(int index)
{
    return SUFFIXES[index];
}
int JhHj212Codes::aliasCount()
{
    return int(std::size(ALIASES));
}
const JhHj212Codes::Alias &JhHj212Codes::aliasAt(int index)
{
    return ALIASES[index];
}
