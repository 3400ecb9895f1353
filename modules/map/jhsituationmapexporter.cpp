// Fills the situation map print layout (maps/layouts) and exports it to PDF or PNG, also headless.
#include "jhsituationmapexporter.h"

#include "jhbasemapproject.h"
#include "jhlivelayers.h"

#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>

#include <functional>

#include <cpl_error.h>

#include <qgsfeedback.h>
#include <qgslayertree.h>
#include <qgslayertreegroup.h>
#include <qgslayertreelayer.h>
#include <qgslayoutexporter.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgsmaplayerlegend.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsprojectmetadata.h>
#include <qgsreadwritecontext.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerfeaturecounter.h>

namespace {

JhSituationMapExporter::Result failure(JhSituationMapExporter::Error error, const QString &message)
{
    JhSituationMapExporter::Result result;
    result.error = error;
    result.message = message;
    return result;
}

//! Checks that \a path can be written without leaving a stray file behind.
JhSituationMapExporter::Error probeOutput(const QString &path)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return JhSituationMapExporter::Error::OutputDirectoryMissing;
    if (info.isDir())
        return JhSituationMapExporter::Error::OutputNotWritable;
    const bool existed = info.exists();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return JhSituationMapExporter::Error::OutputNotWritable;
    file.close();
    if (!existed)
        file.remove();
    return JhSituationMapExporter::Error::None;
}

//! Sets the text of the label item with id \a id in the template; false when there is no such label.
//! Editing the template XML spares including qgslayoutitemlabel.h, which needs a header Debian omits.
bool setLabelText(QDomDocument &document, const QString &id, const QString &text)
{
    QDomNodeList items = document.elementsByTagName(QStringLiteral("LayoutItem"));
    for (int i = 0; i < items.size(); ++i) {
        QDomElement item = items.at(i).toElement();
        if (item.attribute(QStringLiteral("id")) == id && item.hasAttribute(QStringLiteral("labelText"))) {
            item.setAttribute(QStringLiteral("labelText"), text);
            return true;
        }
    }
    return false;
}

//! Qt 5.15's PDF engine writes a wrong ToUnicode map for the OpenType/CFF Noto Sans CJK (长 comes out as
//! the radical ⻓, digits vanish), so a PDF's title and date could not be searched or copied. The layout's
//! own texts therefore use WenQuanYi Micro Hei (TrueType, extracts cleanly) in PDFs when it is installed.
void useExtractableFontForPdf(QDomDocument &document)
{
    const QString from = QStringLiteral("Noto Sans CJK SC");
    const QString to = QStringLiteral("WenQuanYi Micro Hei");
    if (!QFontDatabase().families().contains(to))
        return;
    std::function<void(QDomElement)> visit = [&](QDomElement element) {
        QDomNamedNodeMap attributes = element.attributes();
        for (int a = 0; a < attributes.size(); ++a) {
            QDomAttr attribute = attributes.item(a).toAttr();
            if (attribute.value().startsWith(from))
                attribute.setValue(to + attribute.value().mid(from.size()));
        }
        for (QDomElement child = element.firstChildElement(); !child.isNull();
             child = child.nextSiblingElement())
            visit(child);
    };
    visit(document.documentElement());
}

bool isCanceled(QgsFeedback *feedback)
{
    return feedback && feedback->isCanceled();
}

void setProgress(QgsFeedback *feedback, double percent)
{
    if (feedback)
        feedback->setProgress(percent);
}

//! Puts the visible live layers of \a project (group JhLiveLayers::groupName()) at the top of the legend,
//! each with only the classes that have features: a leader reads what is on the map, not the whole key.
//! The map item follows the project's visible layers, so it draws them as the canvas does.
void addLiveLayersToLegend(QgsProject *project, QgsLayoutItemLegend *legend)
{
    QgsLayerTreeGroup *live = project->layerTreeRoot()->findGroup(JhLiveLayers::groupName());
    if (!live || !live->isVisible() || !legend)
        return;
    QList<QgsVectorLayer *> layers;
    const QList<QgsLayerTreeLayer *> nodes = live->findLayers();
    for (QgsLayerTreeLayer *node : nodes) {
        auto *layer = qobject_cast<QgsVectorLayer *>(node->layer());
        if (layer && node->isVisible() && layer->featureCount() > 0)
            layers << layer;
    }
    if (layers.isEmpty())
        return;
    QgsLayerTreeGroup *root = legend->model()->rootGroup();
    QgsLayerTreeGroup *group = root->insertGroup(0, QStringLiteral("实时监测"));
    for (QgsVectorLayer *layer : qAsConst(layers)) {
        QgsLayerTreeLayer *node = group->addLayer(layer);
        if (!layer->renderer())
            continue;
        // Count features per legend entry synchronously (the counter is a task; run() is the work itself).
        QgsVectorLayerFeatureCounter counter(layer);
        counter.run();
        const QgsLegendSymbolList items = layer->renderer()->legendSymbolItems();
        QList<int> order;
        for (int i = 0; i < items.size(); ++i)
            if (counter.featureCount(items.at(i).ruleKey()) > 0)
                order << i;
        QgsMapLayerLegendUtils::setLegendNodeOrder(node, order);
        legend->model()->refreshLayerLegend(node);
    }
    // The template's single column was sized for the basemap alone: with the live classes on top the key
    // would run off the panel, so it flows into two columns (a layer may break between them).
    legend->setColumnCount(2);
    legend->setSplitLayer(true);
    legend->setEqualColumnWidth(true);
    legend->updateLegend();
}

} // namespace

JhSituationMapExporter::JhSituationMapExporter(JhBasemapProject *basemap) : mBasemap(basemap)
{}

QString JhSituationMapExporter::dateTimeText(const QDateTime &dateTime)
{
    return tr("Map date: %1").arg(dateTime.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

JhSituationMapExporter::Result JhSituationMapExporter::exportMap(const JhSituationMapRequest &request,
                                                                 QgsFeedback *feedback) const
{
    if (!mBasemap || !mBasemap->project() ||
        mBasemap->error() == JhBasemapProject::Error::MapsDirectoryNotFound ||
        mBasemap->error() == JhBasemapProject::Error::ProjectUnreadable)
        return failure(Error::BasemapNotLoaded, mBasemap
                                                    ? mBasemap->errorMessage()
                                                    : tr("No basemap project was given to the exporter."));

    if (request.outputPath.isEmpty())
        return failure(Error::OutputNotWritable, tr("No output file was given."));
    if (request.dpi < sMinimumDpi || request.dpi > sMaximumDpi)
        return failure(Error::InvalidResolution, tr("The resolution %1 dpi is outside %2-%3 dpi.")
                                                     .arg(request.dpi)
                                                     .arg(sMinimumDpi)
                                                     .arg(sMaximumDpi));
    if (request.pixelSize.isValid() && (request.pixelSize.width() > 20000 ||
                                        request.pixelSize.height() > 20000 || request.pixelSize.isEmpty()))
        return failure(Error::InvalidResolution, tr("The image size %1x%2 px is outside 1-20000 px.")
                                                     .arg(request.pixelSize.width())
                                                     .arg(request.pixelSize.height()));

    switch (probeOutput(request.outputPath)) {
    case Error::OutputDirectoryMissing:
        return failure(Error::OutputDirectoryMissing,
                       tr("The folder of the output file does not exist: %1")
                           .arg(QDir::toNativeSeparators(QFileInfo(request.outputPath).absolutePath())));
    case Error::OutputNotWritable:
        return failure(
            Error::OutputNotWritable,
            tr("Cannot write the output file %1").arg(QDir::toNativeSeparators(request.outputPath)));
    default:
        break;
    }

    QgsRectangle extent;
    if (request.extent.isEmpty() || request.extent.compare(QLatin1String("city"), Qt::CaseInsensitive) == 0 ||
        request.extent == QLatin1String("320600")) {
        extent = mBasemap->fullExtent();
    } else {
        JhCounty county;
        if (!mBasemap->county(request.extent.trimmed(), &county)) {
            QStringList known;
            const auto counties = mBasemap->counties();
            for (const JhCounty &candidate : counties)
                known << QStringLiteral("%1 %2").arg(candidate.code, candidate.nameZh);
            return failure(Error::UnknownExtent, tr("Unknown county code \"%1\"; use city or one of: %2")
                                                     .arg(request.extent, known.join(QStringLiteral(", "))));
        }
        extent = county.extent;
        extent.grow(std::max(extent.width(), extent.height()) * 0.04);
    }
    setProgress(feedback, 10);

    const QString templatePath = mBasemap->layoutTemplatePath(request.templateName);
    QFile templateFile(templatePath);
    if (!templateFile.exists())
        return failure(
            Error::TemplateNotFound,
            tr("The layout template %1 does not exist.").arg(QDir::toNativeSeparators(templatePath)));
    QDomDocument document;
    if (!templateFile.open(QIODevice::ReadOnly) || !document.setContent(&templateFile))
        return failure(
            Error::TemplateInvalid,
            tr("The layout template %1 is not valid XML.").arg(QDir::toNativeSeparators(templatePath)));

    if (request.format == JhSituationMapRequest::Format::Pdf)
        useExtractableFontForPdf(document);
    const bool hasTitle = setLabelText(document, QStringLiteral("title"), request.title);
    const bool hasDateTime = setLabelText(
        document, QStringLiteral("datetime"),
        dateTimeText(request.dateTime.isValid() ? request.dateTime : QDateTime::currentDateTime()));
    if (!request.subtitle.isEmpty())
        setLabelText(document, QStringLiteral("subtitle"), request.subtitle);

    QgsPrintLayout layout(mBasemap->project());
    QgsReadWriteContext context;
    context.setPathResolver(QgsPathResolver(templatePath));
    bool loaded = false;
    layout.loadFromTemplate(document, context, true, &loaded);
    auto *map = qobject_cast<QgsLayoutItemMap *>(layout.itemById(QStringLiteral("map")));
    if (!loaded || !map || !hasTitle || !hasDateTime)
        return failure(Error::TemplateInvalid,
                       tr("The layout template %1 lacks the items map, title or datetime.")
                           .arg(QDir::toNativeSeparators(templatePath)));

    map->zoomToExtent(extent);
    if (request.includeLiveLayers)
        addLiveLayersToLegend(mBasemap->project(),
                              qobject_cast<QgsLayoutItemLegend *>(layout.itemById(QStringLiteral("legend"))));
    layout.refresh();
    setProgress(feedback, 25);
    if (isCanceled(feedback))
        return failure(Error::Canceled, tr("The export was canceled."));

    QgsLayoutExporter exporter(&layout);
    QgsLayoutExporter::ExportResult exportResult = QgsLayoutExporter::Success;
    if (request.format == JhSituationMapRequest::Format::Pdf) {
        QgsLayoutExporter::PdfExportSettings settings;
        settings.dpi = request.dpi;
        settings.rasterizeWholeImage = false;
        settings.forceVectorOutput = false;
        settings.appendGeoreference = false;
        settings.exportMetadata = true;
        settings.simplifyGeometries = true;
        // Text stays text so the PDF is searchable and its title can be copied into briefings.
        settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
        // The PDF's document title (what viewers and file lists show) is the situation map's, not the
        // basemap project's; the project's metadata is put back afterwards.
        QgsProject *project = mBasemap->project();
        const QgsProjectMetadata projectMetadata = project->metadata();
        QgsProjectMetadata documentMetadata = projectMetadata;
        documentMetadata.setTitle(request.title);
        project->setMetadata(documentMetadata);
        exportResult = exporter.exportToPdf(request.outputPath, settings);
        project->setMetadata(projectMetadata);
    } else {
        QgsLayoutExporter::ImageExportSettings settings;
        settings.dpi = request.dpi;
        if (request.pixelSize.isValid())
            settings.imageSize = request.pixelSize;
        settings.generateWorldFile = false;
        settings.exportMetadata = false;
        // QGIS tries to georeference every image through GDAL, which cannot update a PNG and prints
        // "ERROR 6" to the console; the PNG itself is fine, so keep the console clean.
        CPLPushErrorHandler(CPLQuietErrorHandler);
        exportResult = exporter.exportToImage(request.outputPath, settings);
        CPLPopErrorHandler();
    }
    setProgress(feedback, 100);

    if (isCanceled(feedback)) {
        QFile::remove(request.outputPath);
        return failure(Error::Canceled, tr("The export was canceled."));
    }
    if (exportResult != QgsLayoutExporter::Success) {
        const QString detail = exporter.errorFile().isEmpty() ? request.outputPath : exporter.errorFile();
        if (exportResult == QgsLayoutExporter::FileError)
            return failure(Error::OutputNotWritable,
                           tr("Cannot write the output file %1").arg(QDir::toNativeSeparators(detail)));
        return failure(Error::ExportFailed, tr("QGIS could not export the situation map (error %1) to %2")
                                                .arg(static_cast<int>(exportResult))
                                                .arg(QDir::toNativeSeparators(detail)));
    }
    Result result;
    result.outputPath = request.outputPath;
    return result;
}
