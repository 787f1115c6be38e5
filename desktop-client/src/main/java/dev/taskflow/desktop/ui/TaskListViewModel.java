package dev.taskflow.desktop.ui;

import dev.taskflow.desktop.api.ApiException;
import dev.taskflow.desktop.api.TaskApi;
import dev.taskflow.desktop.live.TaskChange;
import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskStatus;
import dev.taskflow.desktop.task.TaskView;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The task list: the chosen view (open, today, upcoming, completed) or, while the search box has
 * text, the ranked search results. Kept current by the user's own actions and by live task events,
 * without polling. Runs on the UI thread; REST calls go through the {@link BackgroundRunner}.
 */
public final class TaskListViewModel {

  static final Duration SEARCH_DEBOUNCE = Duration.ofMillis(250);
  static final int SEARCH_LIMIT = 50;

  private final TaskApi api;
  private final BackgroundRunner runner;
  private final UiScheduler scheduler;
  private final ConnectionViewModel connection;
  private final Clock clock;

  private final Map<Long, Task> known = new HashMap<>();
  private boolean completedLoaded;
  private final ObservableList<Task> visible = FXCollections.observableArrayList();
  private final ObservableMap<TaskView, Integer> counts = FXCollections.observableMap(new EnumMap<>(TaskView.class));
  private final ObjectProperty<TaskView> view = new SimpleObjectProperty<>(TaskView.OPEN);
  private final StringProperty searchText = new SimpleStringProperty("");
  private final ObjectProperty<TaskStatus> searchStatus = new SimpleObjectProperty<>(TaskStatus.OPEN);
  private final BooleanProperty searching = new SimpleBooleanProperty();
  private final BooleanProperty loading = new SimpleBooleanProperty();
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty searchQueryShown = new SimpleStringProperty("");

  private UiScheduler.Cancellable pendingSearch;
  private long searchGeneration;
  private long loadGeneration;

  public TaskListViewModel(TaskApi api, BackgroundRunner runner, UiScheduler scheduler,
      ConnectionViewModel connection, Clock clock) {
    this.api = api;
    this.runner = runner;
    this.scheduler = scheduler;
    this.connection = connection;
    this.clock = clock;
    view.addListener((obs, before, after) -> {
      if (after.needsCompletedTasks() && !completedLoaded) {
        reload();
      } else {
        showView();
      }
    });
    searchText.addListener((obs, before, after) -> searchSoon());
    searchStatus.addListener((obs, before, after) -> searchSoon());
  }

  /** Loads the open tasks (and the completed ones when that view needs them) afresh. */
  public void reload() {
    boolean withCompleted = view.get().needsCompletedTasks() || completedLoaded;
    long generation = ++loadGeneration;
    loading.set(true);
    runner.run(() -> withCompleted ? concat(api.list(TaskStatus.OPEN), api.list(TaskStatus.COMPLETED))
        : api.list(TaskStatus.OPEN), tasks -> {
          if (generation != loadGeneration) {
            return;
          }
          loading.set(false);
          connection.reachable();
          known.clear();
          tasks.forEach(task -> known.put(task.id(), task));
          completedLoaded = withCompleted;
          message.set("");
          showView();
          if (isSearching()) {
            searchNow();
          }
        }, error -> {
          loading.set(false);
          report(error, "Could not load tasks");
        });
  }

  private static List<Task> concat(List<Task> a, List<Task> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /**
   * Re-judges the views against the clock (what is overdue, what is today) without asking the
   * server; the app calls it every minute.
   */
  public void tick() {
    if (isSearching()) {
      updateCounts();
    } else {
      showView();
    }
  }

  /** A task as the server now has it (after our own call, or from a live event). */
  public void apply(Task task) {
    Task current = known.get(task.id());
    if (current != null && !current.isSupersededBy(task)) {
      return;
    }
    known.put(task.id(), task);
    refresh();
  }

  public void remove(long id) {
    known.remove(id);
    refresh();
  }

  public void onTaskChange(TaskChange change) {
    if (change.kind() == TaskChange.Kind.DELETED) {
      remove(change.task().id());
    } else {
      apply(change.task());
    }
    if (isSearching()) {
      searchSoon();
    }
  }

  private void refresh() {
    if (isSearching()) {
      for (int i = 0; i < visible.size(); i++) {
        Task shown = visible.get(i);
        Task now = known.get(shown.id());
        if (now == null) {
          visible.remove(i--);
        } else if (now != shown) {
          visible.set(i, now.withRank(shown.rank()));
        }
      }
      updateCounts();
    } else {
      showView();
    }
  }

  private void showView() {
    updateCounts();
    if (isSearching()) {
      return;
    }
    var filter = view.get().filter(clock.instant(), clock.getZone());
    visible.setAll(known.values().stream().filter(filter).sorted(TaskView.BY_DUE_DATE).toList());
  }

  private void updateCounts() {
    for (TaskView each : TaskView.values()) {
      var filter = each.filter(clock.instant(), clock.getZone());
      counts.put(each, (int) known.values().stream().filter(filter).count());
    }
  }

  private void searchSoon() {
    if (pendingSearch != null) {
      pendingSearch.cancel();
    }
    if (!isSearching()) {
      searching.set(false);
      searchQueryShown.set("");
      ++searchGeneration;
      showView();
      return;
    }
    pendingSearch = scheduler.schedule(SEARCH_DEBOUNCE, this::searchNow);
  }

  private void searchNow() {
    String query = searchText.get().strip();
    TaskStatus status = searchStatus.get();
    long generation = ++searchGeneration;
    searching.set(true);
    runner.run(() -> api.search(query, status, SEARCH_LIMIT), results -> {
      if (generation != searchGeneration) {
        return; // a newer query was typed meanwhile
      }
      searching.set(false);
      connection.reachable();
      message.set(results.isEmpty() ? "No tasks match \"" + query + "\"" : "");
      searchQueryShown.set(query);
      visible.setAll(results);
    }, error -> {
      if (generation == searchGeneration) {
        searching.set(false);
        report(error, "Search failed");
      }
    });
  }


  public boolean isSearching() {
    return !searchText.get().isBlank();
  }

  /** Completes an open task, or reopens a completed one (the checkbox). */
  public void setCompleted(Task task, boolean completed) {
    if (task.completed() == completed) {
      return;
    }
    runner.run(() -> completed ? api.complete(task.id()) : api.reopen(task.id()), updated -> {
      connection.reachable();
      apply(updated);
    }, error -> {
      refresh(); // puts the checkbox back
      report(error, completed ? "Could not complete \"" + task.title() + "\"" : "Could not reopen the task");
    });
  }

  public void delete(Task task) {
    runner.run(() -> {
      api.delete(task.id());
      return task.id();
    }, id -> {
      connection.reachable();
      remove(id);
    }, error -> {
      if (error instanceof ApiException api && api.isNotFound()) {
        remove(task.id()); // already gone
      } else {
        report(error, "Could not delete \"" + task.title() + "\"");
      }
    });
  }

  private void report(Throwable error, String what) {
    message.set(what + ": " + connection.explain(error));
  }

  public ObservableList<Task> visibleTasks() {
    return visible;
  }

  public ObservableMap<TaskView, Integer> counts() {
    return counts;
  }

  public ObjectProperty<TaskView> viewProperty() {
    return view;
  }

  public StringProperty searchTextProperty() {
    return searchText;
  }

  public ObjectProperty<TaskStatus> searchStatusProperty() {
    return searchStatus;
  }

  public ReadOnlyBooleanProperty searchingProperty() {
    return searching;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading;
  }

  public StringProperty messageProperty() {
    return message;
  }

  /** The query whose results are shown, for highlighting. */
  public StringProperty searchQueryShownProperty() {
    return searchQueryShown;
  }
}
