import { CommentsPanel } from "./comments-panel";
import { HistoryPanel } from "./history-panel";
import type { ActionData, Loaded } from "./panel-types";
import { RegeneratePanel } from "./regenerate-panel";
import { SourcesPanel, UntranslatedPanel } from "./glossary-sources-panels";
import { WorkflowPanel } from "./workflow-panel";

/** Workflow buttons, redraft, comments, history, sources: everything around the editor. */
export function PressSidePanels({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | null }) {
  return (
    <div className="press-side">
      <WorkflowPanel loaded={loaded} actionData={actionData?.intent === "transition" ? actionData : null} />
      {loaded.actions.regenerate && loaded.untranslatedTerms.length ? <UntranslatedPanel loaded={loaded} actionData={actionData?.intent === "glossaryAdd" ? actionData : null} /> : null}
      {loaded.actions.regenerate ? <RegeneratePanel loaded={loaded} actionData={actionData?.intent === "regenerate" ? actionData : null} /> : null}
      <CommentsPanel loaded={loaded} actionData={actionData?.intent === "comment" ? actionData : null} />
      <HistoryPanel loaded={loaded} />
      <SourcesPanel loaded={loaded} />
    </div>
  );
}
