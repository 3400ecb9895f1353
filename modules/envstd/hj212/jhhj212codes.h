// The HJ 212 code tables (systems, commands, data flags, pollutant codes, field suffixes) as data.
#pragma once

#include <string_view>

//! Read-only lookups into the HJ 212 code tables, all defined in jhhj212codes.cpp (one place).
//! Every lookup returns nullptr for an unknown code: callers pass such codes through, flagged.
class JhHj212Codes
{
public:
    enum Category
    {
        Water,
        Air,
        Noise,
        Device,
        Other
    };
    //! What a field's value must look like (validated by the parser).
    enum class ValueKind
    {
        Number,
        Integer,
        Time,
        DataFlag,
        Text
    };
    //! Where a command code comes from: the 2017 standard, only HJ/T 212-2005, or vendors.
    enum class Origin
    {
        Standard2017,
        Standard2005,
        Vendor
    };

    //! ST system code (Table 5).
    struct System
    {
        const char *code;
        const char *chinese;
        const char *english;
    };
    //! CN command code (Table 9) with its direction (host = upper computer, field = data logger).
    struct Command
    {
        int code;
        const char *chinese;
        const char *english;
        const char *direction;
        Origin origin;
    };
    //! A value of xxxxxx-Flag (Table 8 for 2017; the 2005 set with P and the air-station digits 0-3).
    struct DataFlag
    {
        char flag;
        const char *chinese;
        const char *english;
        bool in2017;
        bool in2005;
    };
    //! A monitoring factor (Appendix B): 2017 code, HJ/T 212-2005 code (原编码, may be empty), names, unit.
    struct Pollutant
    {
        const char *code;
        const char *oldCode;
        const char *chinese;
        const char *english;
        const char *unit;
        const char *dataType;
        Category category;
    };
    //! A field-name suffix (Table 4): -Rtd, -Avg, -Flag, -SampleTime ...
    struct Suffix
    {
        const char *name;
        ValueKind kind;
        const char *chinese;
        const char *english;
    };
    //! A data-area field without a factor code (DataTime, QnRtn, PolId ...).
    struct PlainField
    {
        const char *name;
        ValueKind kind;
        const char *chinese;
        const char *english;
    };
    //! A non-standard factor name some loggers send, and the standard code it stands for.
    struct Alias
    {
        const char *name;
        const char *code;
    };
    //! ExeRtn (Table 6) or QnRtn (Table 7) value.
    struct ReturnCode
    {
        int code;
        const char *chinese;
        const char *english;
    };

    static const System *system(std::string_view code);
    static const Command *command(int code);
    //! Data flag by letter; version2005 selects the HJ/T 212-2005 set.
    static const DataFlag *dataFlag(std::string_view flag, bool version2005 = false);
    //! Factor by 2017 code (w01018, a05024, LA, i12001 ...) or, failing that, by its 2005 code (011, 02,
    //! B01).
    static const Pollutant *pollutant(std::string_view code);
    //! Factor by its HJ/T 212-2005 code only.
    static const Pollutant *pollutantFor2005(std::string_view oldCode);
    //! Standard code for a non-standard factor name (PM25 -> a34004), or nullptr.
    static const Alias *alias(std::string_view name);
    static const Suffix *suffix(std::string_view name);
    static const PlainField *plainField(std::string_view name);
    static const ReturnCode *exeRtn(int code);
    static const ReturnCode *qnRtn(int code);
    //! The value kind of a data-area field name ("a34004-Avg" -> Number, "DataTime" -> Time); Text if
    //! unknown.
    static ValueKind valueKind(std::string_view fieldName);

    //! Whole tables, for listing and tests.
    static int systemCount();
    static const System &systemAt(int index);
    static int commandCount();
    static const Command &commandAt(int index);
    static int dataFlagCount();
    static const DataFlag &dataFlagAt(int index);
    static int pollutantCount();
    static const Pollutant &pollutantAt(int index);
    static int suffixCount();
    static const Suffix &suffixAt(int index);
    static int aliasCount();
    static const Alias &aliasAt(int index);
};
