// Loads the Nantong scenario file (resources/scenario/nantong-scenario.json) into domain objects.
#pragma once

#include "jhcatalogueitem.h"
#include "jhcountyteam.h"
#include "jhdepot.h"
#include "jhfactor.h"
#include "jhindustrialpark.h"
#include "jhsite.h"
#include "jhuser.h"

#include <QList>
#include <QPair>
#include <QString>

class JhWorldState;

//! The scenario: the monitoring network, teams, depots, catalogue and demo users.
//! The file format (documented in docs/domain.md) is a data file of its own, not the wire format.
class JhScenario
{
public:
    enum class Error
    {
        None,
        FileNotReadable,
        NotJson,
        WrongFormat,    //!< not a jianghai-scenario file, or an unsupported version
        InvalidElement, //!< an element misses a field or has a bad value; errorMessage() says which
        DuplicateId     //!< two sites with the same id or MN, or other duplicate ids
    };

    //! Reads \a path; on failure returns false and sets error() and errorMessage().
    bool load(const QString &path);
    bool loadFromData(const QByteArray &data);

    Error error() const { return mError; }
    QString errorMessage() const { return mErrorMessage; }

    QString name() const { return mName; }
    //! County codes and names of the scenario (the 7 county-level divisions of Nantong).
    const QList<QPair<int, QString>> &counties() const { return mCounties; }
    const QList<JhFactor> &factors() const { return mFactors; }
    const QList<JhIndustrialPark> &parks() const { return mParks; }
    const QList<JhSite> &sites() const { return mSites; }
    const QList<JhCountyTeam> &teams() const { return mTeams; }
    const QList<JhCatalogueItem> &catalogue() const { return mCatalogue; }
    const QList<JhDepot> &depots() const { return mDepots; }
    const QList<JhUser> &users() const { return mUsers; }

    //! Puts the reference data (sites, factors, teams, catalogue, depots) into \a state.
    void populate(JhWorldState &state) const;

private:
    bool fail(Error error, const QString &message);

    Error mError = Error::None;
    QString mErrorMessage;
    QString mName;
    QList<QPair<int, QString>> mCounties;
    QList<JhFactor> mFactors;
    QList<JhIndustrialPark> mParks;
    QList<JhSite> mSites;
    QList<JhCountyTeam> mTeams;
    QList<JhCatalogueItem> mCatalogue;
    QList<JhDepot> mDepots;
    QList<JhUser> mUsers;
};
