/**
 * Training: {@link org.beantf.models.train.TrainConfig} (every setting, checked once), {@link
 * org.beantf.models.train.TrainingSession} (a run's graph in a session: initialise, restore, step,
 * evaluate), {@link org.beantf.models.train.Trainer} and {@link
 * org.beantf.models.train.FewShotTrainer} (loops on it), the run directory, metrics and listeners.
 * Public API; the graph, penalties, Adam update, checkpoints, progress and layer files are internal
 * collaborators.
 */
package org.beantf.models.train;
