package com.mediscan.appointment.ui;

import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.Notices;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Runs a change and, if the service refuses it, tells the person why instead of failing the page. */
final class Attempt {

    private Attempt() {
    }

    static boolean run(Runnable change) {
        try {
            change.run();
            return true;
        } catch (BusinessRuleException | NotFoundOrDeniedException refused) {
            Notices.problem(refused.getMessage());
        } catch (AccessDeniedException refused) {
            Notices.problem("This action is not available to your account.");
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            Notices.problem("Someone else changed this appointment a moment ago. Look at it again and retry.");
        }
        return false;
    }
}
