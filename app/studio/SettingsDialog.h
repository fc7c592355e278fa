// Settings: the reviewer and the application (user settings), the project's model endpoints
// (endpoints.json; API keys stay in environment variables, only their names are stored) and
// the project's semantics thresholds.
#pragma once

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
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
    void addEndpointRow(const QStringList &values);
    QWidget *generalPage();
    QWidget *endpointsPage();
    QWidget *thresholdsPage();

    ProjectSession *m_session;
    QLineEdit *m_reviewer = nullptr;
    QSpinBox *m_threads = nullptr;
    QTableWidget *m_endpoints = nullptr;
    QLabel *m_endpointsNote = nullptr;
    QList<QDoubleSpinBox *> m_thresholds;
    QString m_lastError;
};

} // namespace neuroonco
