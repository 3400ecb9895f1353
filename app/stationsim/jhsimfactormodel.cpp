// The table of simulated factor shapes and the value formula.
#include "jhsimfactormodel.h"

#include <QHash>

#include <cmath>

namespace {
struct Shape
{
    const char *code;
    double base;      //!< daily mean
    double amplitude; //!< half the daily swing
    double peakHour;  //!< Beijing hour of the maximum
    double noise;     //!< relative noise
    int decimals;
};
// Typical clean-day levels for Nantong; exceedances come from the script, not from here.
const Shape sShapes[] = {
    {"a21026", 8, 3, 10, 0.15, 0},    {"a21004", 28, 12, 20, 0.15, 0},   {"a34002", 55, 15, 9, 0.15, 0},
    {"a34004", 32, 10, 8, 0.15, 0},   {"a21005", 0.7, 0.2, 8, 0.1, 1},   {"a05024", 80, 50, 15, 0.1, 0},
    {"a01001", 16, 5, 14, 0.03, 1},   {"a01007", 2.5, 1, 15, 0.3, 1},    {"a01008", 120, 60, 12, 0.3, 0},
    {"a24088", 0.8, 0.3, 11, 0.2, 2}, {"w01001", 7.6, 0.3, 15, 0.02, 2}, {"w01009", 7.5, 1.2, 15, 0.05, 2},
    {"w01010", 17, 1.5, 16, 0.02, 1}, {"w01014", 450, 30, 4, 0.05, 0},   {"w01019", 3.8, 0.4, 12, 0.08, 2},
    {"w21003", 0.45, 0.1, 9, 0.1, 3}, {"w21011", 0.12, 0.03, 9, 0.1, 3}, {"w22001", 0.02, 0.005, 9, 0.1, 3},
    {"w00000", 35, 15, 10, 0.1, 2},   {"w01018", 60, 20, 11, 0.1, 1},    {"LA", 56, 6, 8, 0.04, 1},
    {"Leq", 57, 6, 8, 0.04, 1},       {"L10", 60, 6, 8, 0.04, 1},        {"L90", 48, 5, 8, 0.04, 1},
};

const Shape *shapeOf(const QString &code)
{
    for (const Shape &shape : sShapes)
        if (code == QLatin1String(shape.code))
            return &shape;
    return nullptr;
}

// A hash in [0, 1) of three integers (splitmix64).
double unit(quint64 a, quint64 b, quint64 c)
{
    quint64 x = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL) * 0xBF58476D1CE4E5B9ULL ^ c;
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return double(x >> 11) / double(1ULL << 53);
}
} // namespace

quint32 JhSimFactorModel::seedOf(const QString &siteId)
{
    return quint32(qHash(siteId));
}

int JhSimFactorModel::decimals(const QString &factorCode)
{
    const Shape *shape = shapeOf(factorCode);
    return shape ? shape->decimals : 2;
}

double JhSimFactorModel::value(const QString &factorCode, quint32 siteSeed, const QDateTime &timeUtc)
{
    const Shape *shape = shapeOf(factorCode);
    const double base = shape ? shape->base : 10;
    const double amplitude = shape ? shape->amplitude : 2;
    const double peak = shape ? shape->peakHour : 12;
    const double noise = shape ? shape->noise : 0.1;
    const qint64 seconds = timeUtc.toSecsSinceEpoch() + 8 * 3600;
    const double hour = double(seconds % 86400) / 3600.0;
    const double siteFactor = 0.8 + 0.4 * unit(siteSeed, qHash(factorCode), 0);
    const double cycle = std::cos((hour - peak) / 24.0 * 2 * M_PI);
    const double jitter = (unit(siteSeed, qHash(factorCode), quint64(seconds / 60)) - 0.5) * 2 * noise;
    const double value = (base + amplitude * cycle) * siteFactor * (1 + jitter);
    return std::max(0.0, value);
}
