// bench_ingeststore: ingest end to end through the real jianghai-central and its real store (SQLite in a
// temporary folder, or --database URL): the scenario plus N load loggers registered with `sites import`, N
// logger connections on loopback each sending HJ 212-2017 2011 packets (6 factors, Flag=5: the 9014 reply
// comes after the commit) as fast as replies arrive. Prints packets/s acknowledged, central's RSS with all
// connections open, and checks the store afterwards holds every acknowledged observation.
// The load generator costs as little CPU as it can, so that the figure measures central (real loggers sit on
// other machines): plain non-blocking sockets in one epoll loop, and every packet patched from a per-logger
// template (time stamps, length, CRC) rather than built field by field. A connection counts as connected
// once central has answered its first packet (connects are ramped so that none waits in a full backlog).
// Usage: bench_ingeststore [--central PATH] [--connections 2000] [--seconds 15] [--warmup 3] [--window 1]
//                          [--database postgresql://user:password@host:port/db |
//                          sqlite:/file?synchronous=normal]
//                          [--keep]
#include "benchprocessprobe.h"
#include "jhhj212builder.h"
#include "jhhj212crc.h"
#include "jhhj212packet.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
//! The load loggers' factors and plausible value ranges (air station, μg/m³; CO mg/m³).
struct LoadFactor
{
    const char *code;
    double low;
    double high;
};
const LoadFactor sFactors[] = {{"a21026", 5, 25},  {"a21004", 20, 60},   {"a34002", 30, 80},
                               {"a34004", 15, 50}, {"a21005", 0.3, 1.2}, {"a05024", 40, 120}};
const int sFactorCount = int(sizeof sFactors / sizeof sFactors[0]);

QByteArray mnOf(int index)
{
    return "LOADBENCH" + QByteArray::number(index).rightJustified(15, '0');
}

QString siteIdOf(int index)
{
    return QStringLiteral("LOAD-%1").arg(index, 4, 10, QLatin1Char('0'));
}

QString option(const QStringList &arguments, const char *name, const QString &fallback)
{
    const int at = arguments.indexOf(QString::fromLatin1(name));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

//! The data time of sequence 0; packet `sequence` carries base + sequence seconds.
QDateTime baseTime()
{
    return QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC);
}

// The values cycle through sValueSteps steps; the step of factor i is (logger * 7 + sequence * 3 + i * 11)
// modulo sValueSteps, so a packet's values depend only on (logger * 7 + sequence * 3) modulo sValueSteps.
const int sValueSteps = 97;

int valueKey(int logger, int sequence)
{
    return int((qint64(logger) * 7 + qint64(sequence) * 3) % sValueSteps);
}

//! Packet `sequence` of logger `logger`: a 2011 real-time upload one second after the previous one, so
//! every packet is new data (a repeated data time would be stored once, as a resend). The reference the
//! templates are checked against, and what the probe sends.
QByteArray makePacket(int logger, int sequence)
{
    static const QDateTime base = baseTime();
    const QByteArray stamp = base.addSecs(sequence).toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
    JhHj212Packet packet;
    packet.setHeader(JhHj212Packet::Qn, (stamp + "000").toStdString());
    packet.setHeader(JhHj212Packet::St, "22");
    packet.setHeader(JhHj212Packet::Cn, 2011);
    packet.setHeader(JhHj212Packet::Pw, "123456");
    packet.setHeader(JhHj212Packet::Mn, mnOf(logger).toStdString());
    packet.setHeader(JhHj212Packet::Flag, 5);
    packet.addGroup();
    packet.addField("DataTime", stamp.toStdString());
    for (int i = 0; i < sFactorCount; ++i) {
        const LoadFactor &factor = sFactors[i];
        const double step =
            double((logger * 7 + sequence * 3 + i * 11) % sValueSteps) / double(sValueSteps - 1);
        const double value = factor.low + (factor.high - factor.low) * step;
        packet.addGroup();
        packet.addField(std::string(factor.code) + "-Rtd", QByteArray::number(value, 'f', 2).toStdString());
        packet.addField(std::string(factor.code) + "-Flag", "N");
    }
    return JhHj212Builder::build(packet);
}

//! The load packets without building each one: per logger the data segment up to the end of the DataTime
//! value (built once by makePacket), one shared table of the sValueSteps value tails (the rest of the data
//! segment), and per send only QN, DataTime, the length and the CRC written.
class PacketTemplates
{
public:
    //! Room a packet needs in write()'s output.
    static const std::size_t sMaxPacket = 1024;

    //! Builds the templates for `loggers` loggers; false (with the reason) when makePacket's layout is not
    //! the one expected.
    bool build(int loggers, QString *error)
    {
        mBaseSeconds = baseTime().toSecsSinceEpoch();
        mHeads.clear();
        mHeads.reserve(std::size_t(loggers));
        for (int logger = 0; logger < loggers; ++logger) {
            const QByteArray segment = dataSegment(makePacket(logger, 0));
            Head head;
            head.qn = segment.indexOf("QN=") + 3;
            head.dataTime = segment.indexOf("&&DataTime=") + 11;
            if (head.qn < 3 || head.dataTime < 11 || head.dataTime + 14 > segment.size()) {
                *error = QStringLiteral("no QN or DataTime in %1").arg(QString::fromLatin1(segment));
                return false;
            }
            head.text.assign(segment.constData(), std::size_t(head.dataTime + 14));
            mHeads.push_back(std::move(head));
        }
        // Logger 0 reaches every value key: 3 and sValueSteps (a prime) are coprime.
        mTails.assign(std::size_t(sValueSteps), std::string());
        for (int sequence = 0; sequence < sValueSteps; ++sequence) {
            const QByteArray segment = dataSegment(makePacket(0, sequence));
            const int at = segment.indexOf("&&DataTime=") + 11 + 14;
            mTails[std::size_t(valueKey(0, sequence))].assign(segment.constData() + at,
                                                              std::size_t(segment.size() - at));
        }
        for (const Head &head : mHeads)
            for (const std::string &tail : mTails)
                if (6 + head.text.size() + tail.size() + 6 > sMaxPacket) {
                    *error = QStringLiteral("a load packet is longer than %1 bytes").arg(sMaxPacket);
                    return false;
                }
        return true;
    }

    //! Writes packet `sequence` of `logger` to out (sMaxPacket bytes of room); returns its size.
    std::size_t write(int logger, int sequence, char *out) const
    {
        const Head &head = mHeads[std::size_t(logger)];
        const std::string &tail = mTails[std::size_t(valueKey(logger, sequence))];
        char *data = out + 6;
        std::memcpy(data, head.text.data(), head.text.size());
        writeStamp(mBaseSeconds + sequence, data + head.dataTime);
        std::memcpy(data + head.qn, data + head.dataTime, 14);
        std::memcpy(data + head.qn + 14, "000", 3);
        std::memcpy(data + head.text.size(), tail.data(), tail.size());
        const std::size_t length = head.text.size() + tail.size();
        out[0] = '#';
        out[1] = '#';
        writeDigits(int(length % 10000), 4, out + 2);
        JhHj212Crc::formatHex(JhHj212Crc::checksum(data, length), data + length);
        data[length + 4] = '\r';
        data[length + 5] = '\n';
        return 6 + length + 6;
    }

private:
    struct Head
    {
        std::string text; // data segment up to the end of the DataTime value
        int qn = 0;       // offset of QN's value
        int dataTime = 0; // offset of DataTime's value
    };

    static QByteArray dataSegment(const QByteArray &packet) { return packet.mid(6, packet.size() - 12); }

    static void writeDigits(int value, int count, char *out)
    {
        for (int i = count - 1; i >= 0; --i) {
            out[i] = char('0' + value % 10);
            value /= 10;
        }
    }

    //! yyyyMMddHHmmss (UTC) of seconds since the epoch, by the days-to-civil conversion (proleptic
    //! Gregorian).
    static void writeStamp(qint64 seconds, char *out)
    {
        qint64 days = seconds / 86400;
        const int second = int(seconds % 86400);
        days += 719468;
        const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
        const qint64 dayOfEra = days - era * 146097;
        const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        const qint64 monthIndex = (5 * dayOfYear + 2) / 153; // from March
        const int day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        const int month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        const int year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        writeDigits(year, 4, out);
        writeDigits(month, 2, out + 4);
        writeDigits(day, 2, out + 6);
        writeDigits(second / 3600, 2, out + 8);
        writeDigits(second / 60 % 60, 2, out + 10);
        writeDigits(second % 60, 2, out + 12);
    }

    std::vector<Head> mHeads;
    std::vector<std::string> mTails;
    qint64 mBaseSeconds = 0;
};

//! Compares template packets with makePacket for a spread of loggers and sequences (minute, hour, day,
//! month and year boundaries); returns the first difference, empty when they all match.
QString checkTemplates(const PacketTemplates &templates, int loggers)
{
    const int sequences[] = {0,           1,      2,    59,    60,    96,         97,
                             98,          3599,   3600, 86399, 86400, 31 * 86400, 184 * 86400 - 1,
                             184 * 86400, 1000000};
    char buffer[PacketTemplates::sMaxPacket];
    for (const int logger : {0, 1, 2, loggers / 2, loggers - 1}) {
        if (logger < 0 || logger >= loggers)
            continue;
        for (const int sequence : sequences) {
            const QByteArray expected = makePacket(logger, sequence);
            const QByteArray actual(buffer, int(templates.write(logger, sequence, buffer)));
            if (actual != expected)
                return QStringLiteral("logger %1, sequence %2:\n  template   %3\n  makePacket %4")
                    .arg(logger)
                    .arg(sequence)
                    .arg(QString::fromLatin1(actual.trimmed()), QString::fromLatin1(expected.trimmed()));
        }
    }
    return QString();
}

//! One logger connection: up to `window` packets in flight; the next one goes when a reply line arrives.
struct LoadConnection
{
    int fd = -1;
    int index = 0;
    int sequence = 0;
    quint64 acknowledged = 0;
    std::string pending; // bytes the kernel has not taken yet (sent when EPOLLOUT comes)
    std::size_t pendingOffset = 0;
    bool connected = false;   // the TCP handshake completed
    bool served = false;      // central answered the first packet: it accepted the connection
    bool outstanding = false; // counted in the ramp's connects in progress
    bool watchingOutput = false;
};

//! N logger connections in one level-triggered epoll loop on plain non-blocking sockets: what real
//! loggers on other machines would cost central, at a few microseconds of this process per packet.
class LoadGenerator
{
public:
    LoadGenerator(const PacketTemplates &templates, int connections, int window)
        : mTemplates(templates), mConnections(std::size_t(connections)), mWindow(window)
    {
        for (int i = 0; i < connections; ++i)
            mConnections[std::size_t(i)].index = i;
        mEpoll = epoll_create1(EPOLL_CLOEXEC);
    }
    ~LoadGenerator()
    {
        closeAll();
        if (mEpoll >= 0)
            ::close(mEpoll);
    }
    LoadGenerator(const LoadGenerator &) = delete;
    LoadGenerator &operator=(const LoadGenerator &) = delete;

    bool valid() const { return mEpoll >= 0; }

    //! Starts connecting all connections to 127.0.0.1:port, at most sConnectWindow at a time: each sends
    //! packet 0 when its handshake completes and counts as served when the reply comes. A completed
    //! handshake alone proves nothing: Qt 5's QTcpServer listens with a backlog of 50, and a connection
    //! the kernel had to drop the final ACK of looks established here but reaches central only when a
    //! retransmission happens to find room, seconds or a minute later.
    void startConnecting(quint16 port)
    {
        mPort = port;
        mRamping = true;
        connectMore();
    }

    //! Stops starting connections (those in progress go on).
    void stopConnecting() { mRamping = false; }

    //! Every connection has been tried and is served or has failed.
    bool connectingDone() const { return mNextToConnect >= int(mConnections.size()) && mOutstanding == 0; }

private:
    //! Starts the non-blocking connect of connection `index`; false when it failed at once.
    bool connectOne(int index)
    {
        LoadConnection &connection = mConnections[std::size_t(index)];
        connection.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (connection.fd < 0) {
            ++mConnectFailures;
            noteError("socket", errno);
            return false;
        }
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(mPort);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(connection.fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 &&
            errno != EINPROGRESS) {
            ++mConnectFailures;
            noteError("connect", errno);
            closeConnection(connection);
            return false;
        }
        epoll_event event{};
        event.events = EPOLLIN | EPOLLOUT; // EPOLLOUT: the connect completed (or failed)
        event.data.ptr = &connection;
        connection.watchingOutput = true;
        if (epoll_ctl(mEpoll, EPOLL_CTL_ADD, connection.fd, &event) != 0) {
            ++mConnectFailures;
            noteError("epoll_ctl", errno);
            closeConnection(connection);
            return false;
        }
        connection.outstanding = true;
        ++mOutstanding;
        return true;
    }

    void connectMore()
    {
        while (mRamping && mOutstanding < sConnectWindow && mNextToConnect < int(mConnections.size()))
            connectOne(mNextToConnect++);
    }

    //! The connection left the ramp (served, or failed): room for the next one.
    void settle(LoadConnection &connection)
    {
        if (!connection.outstanding)
            return;
        connection.outstanding = false;
        --mOutstanding;
        connectMore();
    }

public:
    //! Runs the loop for `ms` milliseconds or until `done` returns true.
    void run(qint64 ms, const std::function<bool()> &done = {})
    {
        QElapsedTimer timer;
        timer.start();
        qint64 lastQtEvents = 0;
        epoll_event events[512];
        for (;;) {
            const qint64 elapsed = timer.elapsed();
            if (elapsed >= ms || (done && done()))
                return;
            // Now and then let Qt read central's stdout pipe (QProcess), so central never blocks on it.
            if (elapsed - lastQtEvents >= 100) {
                QCoreApplication::processEvents();
                lastQtEvents = elapsed;
            }
            const int count = epoll_wait(mEpoll, events, 512, int(std::min<qint64>(ms - elapsed, 100)));
            for (int i = 0; i < count; ++i)
                handle(*static_cast<LoadConnection *>(events[i].data.ptr), events[i].events);
        }
    }

    //! Starts (window packets per open connection) or stops sending; replies are counted either way.
    void setSending(bool sending)
    {
        mSending = sending;
        if (sending)
            for (LoadConnection &connection : mConnections)
                if (connection.served && connection.fd >= 0)
                    send(connection, mWindow);
    }

    void closeAll()
    {
        mRamping = false;
        for (LoadConnection &connection : mConnections)
            closeConnection(connection);
    }

    quint64 acknowledged() const { return mAcknowledged; }
    //! Connections central has answered on.
    int served() const { return mServed; }
    int connectFailures() const { return mConnectFailures; }
    int closedByPeer() const { return mClosedByPeer; }
    int socketErrors() const { return mSocketErrors; }
    int open() const
    {
        int count = 0;
        for (const LoadConnection &connection : mConnections)
            count += connection.connected && connection.fd >= 0 ? 1 : 0;
        return count;
    }
    //! The first error seen (call and errno), for the report.
    const QString &firstError() const { return mFirstError; }

private:
    void handle(LoadConnection &connection, quint32 events)
    {
        if (connection.fd < 0)
            return;
        if (!connection.connected) {
            int error = 0;
            socklen_t size = sizeof error;
            if (getsockopt(connection.fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0)
                error = errno;
            if (error == 0 && !(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
                return;
            if (error != 0 || (events & (EPOLLERR | EPOLLHUP))) {
                ++mConnectFailures;
                noteError("connect", error);
                closeConnection(connection);
                return;
            }
            connection.connected = true;
            watchOutput(connection, false);
            send(connection, 1); // packet 0: its reply shows that central serves the connection
            return;
        }
        if ((events & (EPOLLIN | EPOLLERR | EPOLLHUP)) && !readReplies(connection))
            return;
        if ((events & EPOLLOUT) && connection.fd >= 0)
            flush(connection);
    }

    //! Counts the reply lines that arrived and sends as many new packets; false when the connection ended.
    bool readReplies(LoadConnection &connection)
    {
        char buffer[16384];
        const ssize_t size = ::recv(connection.fd, buffer, sizeof buffer, 0);
        if (size > 0) {
            int lines = 0;
            const char *at = buffer;
            const char *end = buffer + size;
            while ((at = static_cast<const char *>(std::memchr(at, '\n', std::size_t(end - at)))) !=
                   nullptr) {
                ++lines;
                ++at;
            }
            connection.acknowledged += quint64(lines);
            mAcknowledged += quint64(lines);
            if (lines > 0 && !connection.served) {
                connection.served = true;
                ++mServed;
                settle(connection);
                if (mSending) // served after sending started: fill its window
                    send(connection, mWindow);
            } else if (mSending && lines > 0) {
                send(connection, lines);
            }
            return true;
        }
        if (size < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return true;
        if (size == 0 || errno == ECONNRESET) {
            ++mClosedByPeer;
        } else {
            ++mSocketErrors;
            noteError("recv", errno);
        }
        closeConnection(connection);
        return false;
    }

    //! Sends the connection's next `count` packets, in one send() when the kernel takes them.
    void send(LoadConnection &connection, int count)
    {
        const std::size_t room = std::size_t(count) * PacketTemplates::sMaxPacket;
        if (mScratch.size() < room)
            mScratch.resize(room);
        std::size_t size = 0;
        for (int i = 0; i < count; ++i)
            size += mTemplates.write(connection.index, connection.sequence++, mScratch.data() + size);
        if (connection.watchingOutput) { // earlier bytes still wait: keep the order
            connection.pending.append(mScratch.data(), size);
            return;
        }
        ssize_t sent = ::send(connection.fd, mScratch.data(), size, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                failWrite(connection, errno);
                return;
            }
            sent = 0;
        }
        if (std::size_t(sent) < size) {
            connection.pending.assign(mScratch.data() + sent, size - std::size_t(sent));
            connection.pendingOffset = 0;
            watchOutput(connection, true);
        }
    }

    void flush(LoadConnection &connection)
    {
        if (connection.pendingOffset < connection.pending.size()) {
            const ssize_t sent = ::send(connection.fd, connection.pending.data() + connection.pendingOffset,
                                        connection.pending.size() - connection.pendingOffset, MSG_NOSIGNAL);
            if (sent < 0) {
                if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                    failWrite(connection, errno);
                return;
            }
            connection.pendingOffset += std::size_t(sent);
        }
        if (connection.pendingOffset >= connection.pending.size()) {
            connection.pending.clear();
            connection.pendingOffset = 0;
            watchOutput(connection, false);
        }
    }

    void failWrite(LoadConnection &connection, int error)
    {
        if (error == EPIPE || error == ECONNRESET) {
            ++mClosedByPeer;
        } else {
            ++mSocketErrors;
            noteError("send", error);
        }
        closeConnection(connection);
    }

    void watchOutput(LoadConnection &connection, bool watch)
    {
        if (connection.watchingOutput == watch)
            return;
        epoll_event event{};
        event.events = EPOLLIN | (watch ? EPOLLOUT : 0u);
        event.data.ptr = &connection;
        epoll_ctl(mEpoll, EPOLL_CTL_MOD, connection.fd, &event);
        connection.watchingOutput = watch;
    }

    void closeConnection(LoadConnection &connection)
    {
        if (connection.fd >= 0)
            ::close(connection.fd); // also leaves the epoll set
        connection.fd = -1;
        connection.pending.clear();
        connection.pendingOffset = 0;
        connection.watchingOutput = false;
        settle(connection);
    }

    void noteError(const char *call, int error)
    {
        if (mFirstError.isEmpty())
            mFirstError = QStringLiteral("%1: %2").arg(QLatin1String(call),
                                                       QString::fromLocal8Bit(std::strerror(error)));
    }

    //! Connects in progress at most (handshake or first reply outstanding), below Qt 5's backlog of 50.
    static const int sConnectWindow = 40;

    const PacketTemplates &mTemplates;
    std::vector<LoadConnection> mConnections;
    std::vector<char> mScratch;
    int mWindow = 1;
    int mEpoll = -1;
    bool mSending = false;
    quint64 mAcknowledged = 0;
    int mServed = 0;
    int mOutstanding = 0;
    int mNextToConnect = 0;
    quint16 mPort = 0;
    bool mRamping = false;
    int mConnectFailures = 0;
    int mClosedByPeer = 0;
    int mSocketErrors = 0;
    QString mFirstError;
};

bool writeSitesCsv(const QString &path, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray codes;
    for (const LoadFactor &factor : sFactors)
        codes += (codes.isEmpty() ? "" : " ") + QByteArray(factor.code);
    file.write("id,name,kind,countyCode,longitude,latitude,mn,password,factorCodes\n");
    for (int i = 0; i < count; ++i) {
        const QByteArray line =
            siteIdOf(i).toLatin1() + ",Load " + QByteArray::number(i) + ",air-township,320614," +
            QByteArray::number(120.8 + (i % 50) * 0.01, 'f', 3) + "," +
            QByteArray::number(31.8 + (i / 50) * 0.005, 'f', 3) + "," + mnOf(i) + ",123456," + codes + "\n";
        file.write(line);
    }
    return true;
}

//! Distinct (site, factor, interval, data time) keys of the load sites in the store, read-only, over
//! `observations` and every staging table beside it (SQLite's observations_staging or
//! observations_staging_0..15, which may hold resent rows twice until compaction; PostgreSQL has none).
//! `tables` gets how many tables were counted.
qint64 countObservations(const QString &databaseUrl, const QString &sqlitePath, int *tables, QString *error)
{
    const QString name = QStringLiteral("bench-count");
    qint64 total = -1;
    *tables = 0;
    {
        QSqlDatabase db;
        const bool sqlite = databaseUrl.isEmpty() || databaseUrl.startsWith(QLatin1String("sqlite:"));
        if (sqlite) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            // Central keeps SQLite observations in their own file beside the main one
            // (JhStoreConfig::sqliteObservationsPath: central.sqlite -> central-observations.sqlite).
            QString path = databaseUrl.isEmpty() ? sqlitePath : QUrl(databaseUrl).path();
            if (path.endsWith(QLatin1String(".sqlite")))
                path.insert(path.size() - 7, QLatin1String("-observations"));
            else
                path += QLatin1String("-observations");
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        } else {
            const QUrl url(databaseUrl);
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
        }
        if (db.open()) {
            QStringList names;
            QSqlQuery list(db);
            if (list.exec(sqlite ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")
                                 : QStringLiteral("SELECT table_name FROM information_schema.tables"
                                                  " WHERE table_schema = current_schema()"))) {
                while (list.next()) {
                    const QString table = list.value(0).toString();
                    if (table == QLatin1String("observations") ||
                        table.startsWith(QLatin1String("observations_staging")))
                        names << table;
                }
            }
            if (names.isEmpty()) {
                *error = QStringLiteral("no observations table (%1)").arg(list.lastError().text());
            } else {
                QStringList selects;
                for (const QString &table : names)
                    selects << QStringLiteral(
                                   "SELECT site_id, factor_code, interval_kind, data_time FROM \"%1\""
                                   " WHERE site_id LIKE 'LOAD-%'")
                                   .arg(table);
                QSqlQuery query(db);
                // UNION (not UNION ALL): a key stored twice (a resend in staging, or a row in both) counts
                // once.
                if (query.exec(QStringLiteral("SELECT COUNT(*) FROM (%1) AS load_keys")
                                   .arg(selects.join(QStringLiteral(" UNION ")))) &&
                    query.next()) {
                    total = query.value(0).toLongLong();
                    *tables = int(names.size());
                } else {
                    *error = query.lastError().text();
                }
            }
        } else {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return total;
}
} // namespace

int main(int argc, char *argv[])
{
    // The load runs in its own epoll loop; Qt only reads central's pipes (and the probe): the plain UNIX
    // dispatcher is the cheapest for that, as in jianghai-central.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const QString central =
        option(arguments, "--central",
               QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/jianghai-central"));
    const int connections = option(arguments, "--connections", QStringLiteral("2000")).toInt();
    const int seconds = option(arguments, "--seconds", QStringLiteral("15")).toInt();
    const int warmup = option(arguments, "--warmup", QStringLiteral("3")).toInt();
    const int window = std::max(1, option(arguments, "--window", QStringLiteral("1")).toInt());
    const QString databaseUrl = option(arguments, "--database", QString());
    const QString scenarioPath = QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json");
    raiseDescriptorLimit(); // inherited by central
    // The packets are patched from templates; they must be what makePacket builds, byte for byte.
    PacketTemplates templates;
    QString templateError;
    if (!templates.build(connections, &templateError)) {
        std::fprintf(stderr, "packet templates: %s\n", qPrintable(templateError));
        return 2;
    }
    templateError = checkTemplates(templates, connections);
    if (!templateError.isEmpty()) {
        std::fprintf(stderr, "template packets differ from makePacket at %s\n", qPrintable(templateError));
        return 2;
    }

    QTemporaryDir folder;
    folder.setAutoRemove(
        !arguments.contains(QStringLiteral("--keep"))); // --keep: keep the store and central.log
    const QString sitesCsv = folder.filePath(QStringLiteral("load-sites.csv"));
    const QString statusPath = folder.filePath(QStringLiteral("status.json"));
    const QString configPath = folder.filePath(QStringLiteral("central.json"));
    const QString logPath = folder.filePath(QStringLiteral("central.log"));
    if (!writeSitesCsv(sitesCsv, connections))
        return 2;
    {
        QFile config(configPath);
        config.open(QIODevice::WriteOnly);
        config.write("{\"statusIntervalSeconds\": 1}\n");
    }
    const QStringList storeArguments = databaseUrl.isEmpty()
                                           ? QStringList{QStringLiteral("--data-dir"), folder.path()}
                                           : QStringList{QStringLiteral("--database"), databaseUrl};
    const quint16 hj212Port = freePort();
    const quint16 apiPort = freePort();
    const QString limits = QStringLiteral("{\"maxConnections\":%1,\"maxConnectionsPerPeer\":%1,"
                                          "\"maxPacketsPerSecond\":100000,\"packetBurst\":100000}")
                               .arg(connections + 100);
    QProcess process;
    process.setStandardErrorFile(logPath);
    process.start(
        central,
        QStringList{QStringLiteral("serve")}
            << storeArguments
            << QStringList{QStringLiteral("--hj212-listen"), QStringLiteral("127.0.0.1:%1").arg(hj212Port),
                           QStringLiteral("--api-listen"), QStringLiteral("127.0.0.1:%1").arg(apiPort),
                           QStringLiteral("--scenario"), scenarioPath, QStringLiteral("--ingest-limits"),
                           limits, QStringLiteral("--site-refresh-ms"), QStringLiteral("500"),
                           QStringLiteral("--config"), configPath, QStringLiteral("--status-file"),
                           statusPath});
    QByteArray output;
    while (!output.contains("workstation API listening")) {
        if (!process.waitForReadyRead(60000)) {
            std::fprintf(stderr, "central did not start (%s); log %s\n", qPrintable(central),
                         qPrintable(logPath));
            return 2;
        }
        output += process.readAllStandardOutput();
    }
    const qint64 pid = process.processId();
    std::printf("central pid %lld on %s; RSS with the scenario loaded %s\n", (long long)pid,
                databaseUrl.isEmpty() ? "SQLite (temporary folder)" : qPrintable(databaseUrl),
                statusField(pid, "VmRSS:").constData());

    QProcess import;
    import.setProcessChannelMode(QProcess::MergedChannels);
    import.start(central,
                 QStringList{QStringLiteral("sites"), QStringLiteral("import"), sitesCsv} << storeArguments);
    import.waitForFinished(60000);
    std::printf("sites import: %s", import.readAll().constData());

    // The running service picks the imported sites up within its refresh interval: probe with the last
    // load logger until a reply comes (an unknown MN gets none).
    QElapsedTimer clock;
    clock.start();
    {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, hj212Port);
        probe.waitForConnected(5000);
        bool registered = false;
        for (int attempt = 0; attempt < 60 && !registered; ++attempt) {
            probe.write(makePacket(connections - 1, 1000000 + attempt));
            probe.flush();
            registered = probe.waitForReadyRead(500);
        }
        if (!registered) {
            std::fprintf(stderr, "the imported load loggers were not served; log %s\n", qPrintable(logPath));
            return 2;
        }
    }
    std::printf("load loggers served %lld ms after the import\n", (long long)clock.elapsed());

    LoadGenerator generator(templates, connections, window);
    if (!generator.valid()) {
        std::fprintf(stderr, "epoll_create1: %s\n", std::strerror(errno));
        return 2;
    }
    // A few at a time, not all SYNs at once: central's listen backlog is finite.
    clock.restart();
    generator.startConnecting(hj212Port);
    generator.run(120000, [&generator]() { return generator.connectingDone(); });
    generator.stopConnecting();
    const int connected = generator.served();
    std::printf("%d/%d connected in %lld ms; central RSS %s\n", connected, connections,
                (long long)clock.elapsed(), statusField(pid, "VmRSS:").constData());
    std::fflush(stdout);

    generator.setSending(true);
    generator.run(qint64(warmup) * 1000);
    const quint64 before = generator.acknowledged();
    const double centralCpuBefore = cpuSeconds(pid);
    const double clientCpuBefore = cpuSeconds(getpid());
    QElapsedTimer measured;
    measured.start();
    std::vector<quint64> perSecond;
    quint64 last = before;
    for (int s = 0; s < seconds; ++s) {
        generator.run(1000);
        const quint64 now = generator.acknowledged();
        perSecond.push_back(now - last);
        last = now;
    }
    const quint64 acknowledged = generator.acknowledged() - before;
    const double elapsed = double(measured.elapsed()) / 1000.0;
    const double clientCpuSeconds = cpuSeconds(getpid()) - clientCpuBefore;
    const double centralCpu = (cpuSeconds(pid) - centralCpuBefore) / elapsed * 100;
    const double clientCpu = clientCpuSeconds / elapsed * 100;
    const QByteArray rss = statusField(pid, "VmRSS:");
    const QByteArray peak = statusField(pid, "VmHWM:");
    // SQLite maps the database file (mmap_size): those pages count in VmRSS but are page cache.
    const QByteArray anonymous = statusField(pid, "RssAnon:");
    const QByteArray fileBacked = statusField(pid, "RssFile:");
    const QByteArray load = loadAverage();
    const int open = generator.open();
    // Stop sending; collect the replies still in flight, and the last status file.
    generator.setSending(false);
    generator.run(3000);
    QByteArray status;
    {
        QFile file(statusPath);
        if (file.open(QIODevice::ReadOnly))
            status = file.readAll();
    }
    const quint64 allAcknowledged = generator.acknowledged();
    generator.closeAll();
    process.terminate();
    process.waitForFinished(120000);

    std::sort(perSecond.begin(), perSecond.end());
    std::printf("connections %d (%d open at the end), window %d: %llu packets acknowledged in %.1f s = %.0f "
                "packets/s (%.0f observations/s); per second min %llu, median %llu, max %llu\n",
                connections, open, window, (unsigned long long)acknowledged, elapsed, acknowledged / elapsed,
                acknowledged * sFactorCount / elapsed, (unsigned long long)perSecond.front(),
                (unsigned long long)perSecond[perSecond.size() / 2], (unsigned long long)perSecond.back());
    std::printf("central RSS %s (peak %s; anonymous %s, file-backed %s) with %d connected; CPU central "
                "%.0f%%, benchmark %.0f%% (of one "
                "core); load average %s\n",
                rss.constData(), peak.constData(), anonymous.constData(), fileBacked.constData(), open,
                centralCpu, clientCpu, load.constData());
    std::printf("load generator: %.2f µs CPU per acknowledged packet; connections closed by central %d, "
                "failed to connect %d, socket errors %d%s%s\n",
                acknowledged > 0 ? clientCpuSeconds * 1e6 / double(acknowledged) : 0.0,
                generator.closedByPeer(), generator.connectFailures(), generator.socketErrors(),
                generator.firstError().isEmpty() ? "" : "; first: ", qPrintable(generator.firstError()));
    const QJsonObject statistics =
        QJsonDocument::fromJson(status).object().value(QStringLiteral("statistics")).toObject();
    std::printf("central statistics %s\n",
                QJsonDocument(statistics).toJson(QJsonDocument::Compact).constData());

    QString error;
    int tables = 0;
    const qint64 stored =
        countObservations(databaseUrl, folder.filePath(QStringLiteral("central.sqlite")), &tables, &error);
    // At least every acknowledged packet's observations; more is fine: the probe's answered packet, and
    // packets still in flight at the stop that central committed after the last reply was counted.
    const qint64 expected = qint64(allAcknowledged) * sFactorCount;
    const bool complete = stored >= expected;
    QByteArray verdict = "ok";
    if (stored < 0)
        verdict = "MISMATCH: the store could not be read";
    else if (!complete)
        verdict = "MISMATCH: " + QByteArray::number(expected - stored) + " acknowledged observations MISSING";
    std::printf("store: %lld load observations after shutdown (distinct keys over %d table%s); acknowledged "
                "%llu packets x %d factors = %lld (%s)%s%s\n",
                (long long)stored, tables, tables == 1 ? "" : "s", (unsigned long long)allAcknowledged,
                sFactorCount, (long long)expected, verdict.constData(), error.isEmpty() ? "" : "; ",
                qPrintable(error));
    if (!complete)
        folder.setAutoRemove(false);
    if (!folder.autoRemove())
        std::printf("kept %s\n", qPrintable(folder.path()));
    return complete ? 0 : 1;
}
