package dev.taskflow.desktop;

import dev.taskflow.desktop.api.HttpTaskApi;
import dev.taskflow.desktop.config.ClientConfig;
import dev.taskflow.desktop.config.ConfigStore;
import dev.taskflow.desktop.config.KafkaClientSettings;
import dev.taskflow.desktop.config.TokenClaims;
import dev.taskflow.desktop.live.KafkaLiveEvents;
import dev.taskflow.desktop.live.LiveEvents;
import dev.taskflow.desktop.live.ServerEventStream;
import dev.taskflow.desktop.ui.FxBackgroundRunner;
import dev.taskflow.desktop.ui.FxUiScheduler;
import dev.taskflow.desktop.ui.MainView;
import dev.taskflow.desktop.ui.MainViewModel;
import dev.taskflow.desktop.ui.SettingsDialog;
import dev.taskflow.desktop.ui.TaskEditorView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application: reads the connection settings, wires services to ViewModels to Views. */
public final class TaskflowApp extends Application {

  public static final String STYLESHEET =
      TaskflowApp.class.getResource("/dev/taskflow/desktop/ui/taskflow.css").toExternalForm();

  private MainViewModel model;
  private FxBackgroundRunner runner;

  @Override
  public void start(Stage stage) {
    ConfigStore store = ConfigStore.forCurrentUser();
    ClientConfig config = store.load();
    if (!config.isComplete()) {
      Optional<ClientConfig> entered = SettingsDialog.ask(config, store.file());
      if (entered.isEmpty()) {
        Platform.exit();
        return;
      }
      config = entered.get();
      store.save(config);
    }
    String user = TokenClaims.parse(config.token()).subject();
    HttpTaskApi api = new HttpTaskApi(config.serverUri(), config.token());
    Optional<ScreenshotMode> screenshot = ScreenshotMode.fromSystemProperties();
    screenshot.ifPresent(mode -> mode.seed(api));
    runner = new FxBackgroundRunner();
    model = new MainViewModel(api, liveEvents(config, user), runner, new FxUiScheduler(), Clock.systemDefaultZone(),
        user, config.serverUrl());
    show(stage, model);
    screenshot.ifPresent(mode -> mode.attach(stage, model, api));
    model.start();
  }

  /**
   * Kafka mode with the desktop's own credentials when a Kafka client properties file is set (the
   * configuration is complete, so the file was checked); otherwise the server's per-user stream.
   */
  static LiveEvents liveEvents(ClientConfig config, String user) {
    if (config.hasKafkaConfig()) {
      return new KafkaLiveEvents(KafkaClientSettings.load(config.kafkaConfig()), user);
    }
    return new ServerEventStream(config.serverUri(), config.token(), user);
  }

  /** Builds the main window for a ViewModel; the UI tests use it with their own services. */
  public static MainView show(Stage stage, MainViewModel model) {
    MainView[] view = new MainView[1];
    view[0] = new MainView(model, editor -> new TaskEditorView(editor, stage, List.of(STYLESHEET),
        model::saved).show());
    Scene scene = new Scene(view[0], 1200, 760);
    scene.getStylesheets().add(STYLESHEET);
    stage.setScene(scene);
    stage.setTitle("Taskflow · " + model.user());
    view[0].installShortcuts();
    stage.show();
    return view[0];
  }

  @Override
  public void stop() {
    if (model != null) {
      model.stop();
    }
    if (runner != null) {
      runner.close();
    }
  }
}
