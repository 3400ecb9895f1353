// Measurement units used by the standards and by HJ 212, with exact conversion between compatible ones.
#pragma once

#include <QString>

//! A unit of a measured value; conversions are only defined within one dimension.
enum class JhUnit
{
    None, //!< dimensionless (pH)
    MicrogramPerCubicMetre,
    MilligramPerCubicMetre,
    NanogramPerCubicMetre,
    MicrogramPerLitre,
    MilligramPerLitre,
    NanogramPerLitre,
    CountPerLitre, //!< faecal coliforms, 个/L
    DegreeCelsius,
    DecibelA,
};

//! Symbols, parsing and conversion of JhUnit values.
class JhUnits
{
public:
    //! ASCII symbol, e.g. "ug/m3", "mg/L" (what the CLI accepts and prints).
    static QString symbol(JhUnit unit);
    //! Accepts the ASCII symbols and the µ/³ spellings; returns false for an unknown symbol.
    static bool fromSymbol(const QString &symbol, JhUnit *unit);
    //! Converts within one dimension (mass per volume of air, mass per volume of water); false otherwise.
    static bool convert(double value, JhUnit from, JhUnit to, double *result);
    //! Parses "12.5" or "12.5ug/L" (plain decimal, no exponent). hasUnit tells whether a unit was written.
    //! Returns false for anything else (empty, "12,5", "1e3", unknown unit, trailing garbage).
    static bool parseQuantity(const QString &text, double *value, JhUnit *unit, bool *hasUnit);
};
