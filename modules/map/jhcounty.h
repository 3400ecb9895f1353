// A county-level unit of Nantong as the basemap's counties layer describes it (bookmarks, export extents).
#pragma once

#include <QString>

#include <qgsrectangle.h>

//! One county-level unit (区/县/市): administrative code, names and extent in the project CRS.
struct JhCounty
{
    QString code;        //!< Administrative code, e.g. "320614".
    QString nameZh;      //!< Chinese name, e.g. "海门区".
    QString namePinyin;  //!< Pinyin name, e.g. "Haimen".
    QString kind;        //!< 区, 县 or 市.
    QgsRectangle extent; //!< Bounding box in the project CRS (EPSG:4549).
};
