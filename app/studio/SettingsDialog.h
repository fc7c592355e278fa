// Settings: the reviewer and the application (user settings), the user's model endpoints (their
// own endpoints file, shared by every project; API keys stay in environment variables, only their
// names are stored), whether the open project's own endpoint list is trusted, and the project's
// semantics thresholds.
#pragma once

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace neuroonco {

class ProjectSession;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(ProjectSession *session, QWidget *parent = nullptr);
    QTableWidget *endpointTable() const { return m_endpoints; }
    // Validates and saves everything; false (with a message shown) when something is invalid.
    bool save();
    QString lastError() const { return m_lastError; }

private:
    void load();
    void addEndpointRow(const QStringList &values, bool allowInsecureHttp, const QString &originalName = QString());
    void showProjectEndpoints();
    QWidget *generalPage();
    QWidget *endpointsPage();
    QWidget *thresholdsPage();

    ProjectSession *m_session;
    QLineEdit *m_reviewer = nullptr;
    QSpinBox *m_threads = nullptr;
    QTableWidget *m_endpoints = nullptr;
    QLabel *m_endpointsNote = nullptr;
    QLabel *m_projectNote = nullptr;
    QPushButton *m_reviewProject = nullptr;
    bool m_userEndpointsReadable = false;
    QList<QDoubleSpinBox *> m_thresholds;
    QString m_lastError;
};

} // namespace neuroonco
