package io.parallelplan.jenkins;

import hudson.model.Result;
import io.parallelplan.core.schedule.StageOutcome;
import java.io.IOException;
import org.jenkinsci.plugins.pipeline.StageStatus;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.actions.TagsAction;
import org.jenkinsci.plugins.workflow.actions.ThreadNameAction;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graph.StepNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * Shows core's {@link StageOutcome} on the flow graph, where Stage View and Pipeline Graph View read it: a warning
 * (FAILURE, UNSTABLE or ABORTED) on the {@code achievement} step's node, or the skipped tag on the enclosing
 * {@code stage} and parallel branch, as Declarative marks a stage skipped by a {@code when}.
 */
final class StageMarks {
    private StageMarks() {}

    static void apply(FlowNode node, StageOutcome outcome, String message) throws IOException {
        if (outcome.skippedStage()) {
            tagEnclosingStageSkipped(node);
        } else if (outcome.failedStage()) {
            node.addOrReplaceAction(new WarningAction(Result.FAILURE).withMessage(message));
        } else if (outcome.warning()) {
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
        } else if (outcome == StageOutcome.CANCELLED) {
            node.addOrReplaceAction(new WarningAction(Result.ABORTED).withMessage(message));
        }
    }

    /** The nearest enclosing {@code stage} body and the nearest enclosing parallel branch get the skipped tag. */
    static void tagEnclosingStageSkipped(FlowNode node) throws IOException {
        boolean stageTagged = false;
        for (BlockStartNode block : node.iterateEnclosingBlocks()) {
            boolean branch = block.getPersistentAction(ThreadNameAction.class) != null;
            if (!stageTagged && !branch && isStageBody(block)) {
                tag(block);
                stageTagged = true;
            } else if (branch) {
                tag(block);
                return;
            }
        }
    }

    /** The id of the nearest enclosing stage (or else parallel branch) of a node, or null. */
    static String enclosingStageId(FlowNode node) {
        for (BlockStartNode block : node.iterateEnclosingBlocks()) {
            if (isStageBody(block) || block.getPersistentAction(ThreadNameAction.class) != null) {
                return block.getId();
            }
        }
        return null;
    }

    private static boolean isStageBody(BlockStartNode block) {
        if (!(block instanceof StepNode stepNode) || block.getPersistentAction(LabelAction.class) == null) {
            return false;
        }
        StepDescriptor descriptor = stepNode.getDescriptor();
        return descriptor != null && "stage".equals(descriptor.getFunctionName());
    }

    private static void tag(FlowNode node) throws IOException {
        TagsAction tags = node.getPersistentAction(TagsAction.class);
        if (tags == null) {
            tags = new TagsAction();
            tags.addTag(StageStatus.TAG_NAME, StageStatus.getSkippedForConditional());
            node.addAction(tags);
        } else if (tags.getTagValue(StageStatus.TAG_NAME) == null) {
            tags.addTag(StageStatus.TAG_NAME, StageStatus.getSkippedForConditional());
            node.save();
        }
    }
}
