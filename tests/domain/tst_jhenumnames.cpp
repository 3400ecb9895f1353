// Tests of the domain code tables: every value has a unique code that parses back, and a label.
#include "jhdomainerror.h"
#include "jhenumnames.h"

#include <QSet>
#include <QtTest>

class TestJhEnumNames : public QObject
{
    Q_OBJECT

private:
    template <typename Enum>
    void checkRoundTrip(int count)
    {
        QSet<QString> codes;
        for (int i = 0; i < count; ++i) {
            const Enum value = static_cast<Enum>(i);
            const QString code = JhEnumNames::code(value);
            QVERIFY2(!code.isEmpty(), qPrintable(QStringLiteral("value %1 has no code").arg(i)));
            QVERIFY2(!codes.contains(code), qPrintable(code));
            codes.insert(code);
            Enum parsed = static_cast<Enum>(count - 1 - i);
            QVERIFY(JhEnumNames::parse(code, parsed));
            QCOMPARE(int(parsed), i);
            QVERIFY(!JhEnumNames::labelZh(value).isEmpty());
        }
        Enum untouched = static_cast<Enum>(0);
        QVERIFY(!JhEnumNames::parse(QStringLiteral("no-such-code"), untouched));
    }

private slots:
    void roundTrips()
    {
        checkRoundTrip<JhSiteKind>(12);
        checkRoundTrip<JhWaterBodyType>(3);
        checkRoundTrip<JhHj212Version>(2);
        checkRoundTrip<JhIntervalKind>(4);
        checkRoundTrip<JhSiteState>(7);
        checkRoundTrip<JhAlarmLevel>(3);
        checkRoundTrip<JhAlarmState>(4);
        checkRoundTrip<JhIncidentType>(6);
        checkRoundTrip<JhIncidentLevel>(4);
        checkRoundTrip<JhIncidentStatus>(3);
        checkRoundTrip<JhTaskState>(6);
        checkRoundTrip<JhTeamStatus>(3);
        checkRoundTrip<JhItemCategory>(2);
        checkRoundTrip<JhRole>(4);
        checkRoundTrip<JhCommandType>(16);
        checkRoundTrip<JhEventType>(18);
    }

    void incidentLevelLabels()
    {
        QCOMPARE(JhEnumNames::labelZh(JhIncidentLevel::I), QStringLiteral("特别重大"));
        QCOMPARE(JhEnumNames::labelZh(JhIncidentLevel::II), QStringLiteral("重大"));
        QCOMPARE(JhEnumNames::labelZh(JhIncidentLevel::III), QStringLiteral("较大"));
        QCOMPARE(JhEnumNames::labelZh(JhIncidentLevel::IV), QStringLiteral("一般"));
    }

    void domainErrorsHaveMessages()
    {
        QSet<QString> codes;
        for (int i = 0; i <= int(JhDomainError::ExceedsReserved); ++i) {
            const auto error = static_cast<JhDomainError>(i);
            const QString code = JhDomainErrors::code(error);
            QVERIFY(!codes.contains(code));
            codes.insert(code);
            QVERIFY(!JhDomainErrors::messageZh(error).isEmpty());
            QVERIFY(!JhDomainErrors::messageEn(error).isEmpty());
            JhDomainError parsed = JhDomainError::None;
            QVERIFY(JhDomainErrors::parse(code, parsed));
            QCOMPARE(parsed, error);
        }
    }
};

QTEST_GUILESS_MAIN(TestJhEnumNames)
#include "tst_jhenumnames.moc"
